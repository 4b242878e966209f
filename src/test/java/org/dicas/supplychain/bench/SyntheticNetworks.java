package org.dicas.supplychain.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.dicas.supplychain.engine.NetworkJson;
import org.dicas.supplychain.engine.NetworkSpec;

/**
 * A seeded, deterministic generator of synthetic layered supply networks (same parameters, same network, byte for
 * byte).
 *
 * <p>Layer 0 holds the raw-material sites (no inputs, 20% of the nodes), the top layer the final assembly lines
 * (the end items sit there); the layers between share the rest equally. Every node above layer 0 has 1–3 inputs
 * (mean 2); 30% of the inputs are single-sourced, the others have 2 or more sources, sized so that the total number
 * of source links comes out at the target. A source is taken from the layer just below with probability 0.7, else
 * from any lower layer. Countries follow a Zipf law over 20 ISO codes; nodes belong to companies (one per 50 nodes),
 * 85% of them located in their company's home country. 95% of the nodes have a capacity, all have ttrDays (30–719);
 * end items have inventoryDays (30–364).
 *
 * <p>Writes a JSON file (or CSV files) for measuring the whole command:
 * <pre>mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.dicas.supplychain.bench.SyntheticNetworks \
 *   -Dexec.args="--nodes 1000000 --links 5000000 --end-items 100 --seed 42 --out /tmp/big.json"</pre>
 */
public final class SyntheticNetworks {

    /** The 20 countries, most frequent first. */
    public static final String[] COUNTRIES = {"USA", "CHN", "JPN", "DEU", "KOR", "TWN", "GBR", "FRA", "ITA", "IND",
        "CAN", "AUS", "SWE", "NLD", "ISR", "POL", "ESP", "NOR", "FIN", "SGP"};

    private SyntheticNetworks() {
    }

    /** Generator parameters. */
    public record Params(long seed, int nodes, long links, int endItems, int layers) {
        public Params {
            if (nodes < 10 || layers < 2 || endItems < 1 || links < nodes) {
                throw new IllegalArgumentException("need nodes >= 10, layers >= 2, endItems >= 1, links >= nodes");
            }
        }

        public static Params of(long seed, int nodes, long links, int endItems) {
            return new Params(seed, nodes, links, endItems, 8);
        }
    }

    public static NetworkSpec layered(Params p) {
        SplittableRandom r = new SplittableRandom(p.seed());
        int n = p.nodes();
        int layers = p.layers();
        // layer boundaries: [start[k], start[k+1])
        int[] start = new int[layers + 1];
        int raw = Math.max(1, n / 5);
        int top = Math.max(p.endItems(), n / 100);
        start[1] = raw;
        start[layers - 1] = n - top;
        int mid = start[layers - 1] - raw;
        for (int k = 2; k < layers - 1; k++) {
            start[k] = raw + (int) ((long) mid * (k - 1) / (layers - 2));
        }
        start[layers] = n;

        double[] zipf = new double[COUNTRIES.length];
        double sum = 0;
        for (int i = 0; i < zipf.length; i++) {
            sum += 1.0 / (i + 1);
            zipf[i] = sum;
        }
        for (int i = 0; i < zipf.length; i++) {
            zipf[i] /= sum;
        }
        int companies = Math.max(1, n / 50);
        String[] companyName = new String[companies];
        int[] companyHome = new int[companies];
        for (int c = 0; c < companies; c++) {
            companyName[c] = "Company " + c;
            companyHome[c] = pick(zipf, r.nextDouble());
        }

        List<NetworkSpec.Node> nodes = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            int c = r.nextInt(companies);
            int country = r.nextInt(100) < 85 ? companyHome[c] : pick(zipf, r.nextDouble());
            Double capacity = r.nextInt(100) < 95 ? (double) (10 + r.nextInt(990)) : null;
            nodes.add(new NetworkSpec.Node("N" + j, "Plant " + j, companyName[c], COUNTRIES[country],
                    30 + r.nextInt(690), capacity));
        }

        // sources per multi-sourced input so that the links come out at the target
        long consumers = n - raw;
        double perInput = (double) p.links() / (consumers * 2.0);
        double multiMean = Math.max(2.0, (perInput - 0.3) / 0.7);
        int multiMax = Math.max(2, (int) Math.round(2 * multiMean - 2));
        List<NetworkSpec.Input> inputs = new ArrayList<>((int) (consumers * 2));
        String[] items = new String[5000];
        for (int i = 0; i < items.length; i++) {
            items[i] = "item-" + i;
        }
        int[] chosen = new int[multiMax + 1];
        for (int k = 1; k < layers; k++) {
            for (int j = start[k]; j < start[k + 1]; j++) {
                int count = 1 + r.nextInt(3);
                for (int i = 0; i < count; i++) {
                    int sources = r.nextInt(100) < 30 ? 1 : 2 + r.nextInt(multiMax - 1);
                    int m = 0;
                    for (int attempt = 0; m < sources && attempt < sources * 4; attempt++) {
                        int layer = r.nextInt(10) < 7 ? k - 1 : r.nextInt(k);
                        int s = start[layer] + r.nextInt(start[layer + 1] - start[layer]);
                        boolean dup = false;
                        for (int q = 0; q < m; q++) {
                            dup |= chosen[q] == s;
                        }
                        if (!dup) {
                            chosen[m++] = s;
                        }
                    }
                    String[] ids = new String[m];
                    for (int q = 0; q < m; q++) {
                        ids[q] = nodes.get(chosen[q]).id();
                    }
                    inputs.add(new NetworkSpec.Input(nodes.get(j).id(), items[r.nextInt(items.length)],
                            Arrays.asList(ids)));
                }
            }
        }

        List<NetworkSpec.EndItem> endItems = new ArrayList<>(p.endItems());
        int topStart = start[layers - 1];
        int topSize = n - topStart;
        for (int e = 0; e < p.endItems(); e++) {
            // spread over the top layer, distinct nodes
            int node = topStart + (int) ((long) e * topSize / p.endItems());
            endItems.add(new NetworkSpec.EndItem(String.format(Locale.ROOT, "EI-%03d", e), nodes.get(node).id(),
                    "PRG-" + (e % 12), 30 + r.nextInt(335)));
        }
        return new NetworkSpec(nodes, inputs, endItems);
    }

    private static int pick(double[] cumulative, double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    /** Writes nodes.csv, inputs.csv (sources column) and endItems.csv into a folder. */
    public static void writeCsv(NetworkSpec spec, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve("nodes.csv"), StandardCharsets.UTF_8)) {
            w.write("id,name,company,country,ttrDays,capacity\n");
            for (NetworkSpec.Node x : spec.nodes()) {
                w.write(x.id() + "," + nz(x.name()) + "," + nz(x.company()) + "," + nz(x.country()) + ","
                        + (x.ttrDays() == null ? "" : x.ttrDays()) + ","
                        + (x.capacity() == null ? "" : String.valueOf(x.capacity().longValue())) + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("inputs.csv"), StandardCharsets.UTF_8)) {
            w.write("node,item,sources\n");
            for (NetworkSpec.Input x : spec.inputs()) {
                w.write(x.node() + "," + nz(x.item()) + "," + String.join(";", x.sources()) + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("endItems.csv"), StandardCharsets.UTF_8)) {
            w.write("id,node,program,inventoryDays\n");
            for (NetworkSpec.EndItem x : spec.endItems()) {
                w.write(x.id() + "," + x.node() + "," + nz(x.program()) + ","
                        + (x.inventoryDays() == null ? "" : x.inventoryDays()) + "\n");
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** {@code --nodes N --links L --end-items E --layers K --seed S (--out FILE.json | --csv DIR)}. */
    public static void main(String[] args) throws IOException {
        long seed = 42;
        int nodes = 1_000_000;
        long links = 5_000_000;
        int endItems = 100;
        int layers = 8;
        Path out = null;
        Path csv = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--links" -> links = Long.parseLong(args[++i]);
                case "--end-items" -> endItems = Integer.parseInt(args[++i]);
                case "--layers" -> layers = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--csv" -> csv = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null && csv == null) {
            throw new IllegalArgumentException("give --out FILE.json or --csv DIR");
        }
        long t0 = System.nanoTime();
        NetworkSpec spec = layered(new Params(seed, nodes, links, endItems, layers));
        long t1 = System.nanoTime();
        long linkCount = spec.inputs().stream().mapToLong(x -> x.sources().size()).sum();
        if (out != null) {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
                NetworkJson.write(spec, os);
            }
        }
        if (csv != null) {
            writeCsv(spec, csv);
        }
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "generated %,d nodes, %,d inputs, %,d links, %d end items in %.1f s; wrote %s"
                        + " in %.1f s%s%n", spec.nodes().size(), spec.inputs().size(), linkCount,
                spec.endItems().size(), (t1 - t0) / 1e9, out != null ? out : csv, (t2 - t1) / 1e9,
                out != null ? String.format(Locale.ROOT, " (%,d bytes)", Files.size(out)) : "");
    }
}
