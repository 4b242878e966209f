package org.dicas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dicas.supplychain.engine.Analysis;
import org.dicas.supplychain.engine.Concentration;
import org.dicas.supplychain.engine.Disruption;
import org.dicas.supplychain.engine.Exposure;
import org.dicas.supplychain.engine.NetworkCsv;
import org.dicas.supplychain.engine.NetworkException;
import org.dicas.supplychain.engine.NetworkJson;
import org.dicas.supplychain.engine.SupplyChainEngine;
import org.dicas.supplychain.engine.SupplyNetwork;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dicas supply-chain analyze}: reads a network, applies a disruption, prints the JSON report. */
@Command(name = "analyze",
        description = {
            "Reads a supply network (JSON, or CSV files), applies the disruptions given (all at once) and prints a "
                    + "JSON report on standard output: endItems (operational, singlePointsOfFailure), criticalNodes, "
                    + "stoppedEndItems, inputsWithoutSource, concentration (country and company HHI, share of the "
                    + "countries of concern) and exposures (time-to-recover beyond the days of inventory).",
            "An invalid network is refused with exit code 1 and a one-line reason on standard error."},
        sortOptions = false,
        usageHelpAutoWidth = true)
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--input", paramLabel = "FILE",
            description = "The network as JSON (nodes, inputs, endItems); - reads standard input.")
    String input;

    @Option(names = "--nodes", paramLabel = "FILE",
            description = "Nodes CSV: id, name, company, country, ttrDays, capacity (instead of --input).")
    Path nodes;

    @Option(names = "--inputs", paramLabel = "FILE",
            description = "Inputs CSV: node, item, and source (one per row) or sources (separated by ; or |).")
    Path inputs;

    @Option(names = "--end-items", paramLabel = "FILE",
            description = "End items CSV: id, node, program, inventoryDays (optional, with --nodes).")
    Path endItems;

    @Option(names = "--disrupt-node", paramLabel = "ID", description = "Take out this node (repeatable).")
    List<String> disruptNodes = new ArrayList<>();

    @Option(names = "--disrupt-country", paramLabel = "ISO3",
            description = "Take out every node in this country (repeatable).")
    List<String> disruptCountries = new ArrayList<>();

    @Option(names = "--disrupt-company", paramLabel = "NAME",
            description = "Take out every node of this company (repeatable).")
    List<String> disruptCompanies = new ArrayList<>();

    @Option(names = "--concern", paramLabel = "ISO3", split = ",",
            description = "A country of concern for the concentration shares (repeatable or comma-separated).")
    List<String> concerns = new ArrayList<>();

    @Option(names = "--compact", description = "Print the JSON on one line instead of indented.")
    boolean compact;

    @Option(names = "--timings", description = "Print the time of each phase on standard error (one line).")
    boolean timings;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if ((input == null) == (nodes == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give either --input FILE or --nodes FILE --inputs FILE");
        }
        if (nodes != null && inputs == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--nodes needs --inputs FILE");
        }
        if (input != null && (inputs != null || endItems != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--inputs and --end-items go with --nodes, not with --input");
        }
        try {
            long t0 = System.nanoTime();
            SupplyNetwork net = input != null ? readJson(input) : readCsv();
            long t1 = System.nanoTime();
            Disruption disruption = new Disruption(new LinkedHashSet<>(disruptNodes),
                    new LinkedHashSet<>(disruptCountries), new LinkedHashSet<>(disruptCompanies));
            Analysis analysis = SupplyChainEngine.analyze(net, disruption);
            long t2 = System.nanoTime();
            Set<String> concernSet = new LinkedHashSet<>();
            for (String c : concerns) {
                if (!c.isBlank()) {
                    concernSet.add(c.trim().toUpperCase(Locale.ROOT));
                }
            }
            Concentration concentration = SupplyChainEngine.concentration(net, concernSet);
            long t3 = System.nanoTime();
            List<Exposure> exposures = SupplyChainEngine.exposures(net, analysis);
            long t4 = System.nanoTime();
            NetworkJson.write(net, disruption, concernSet, analysis, concentration, exposures,
                    spec.commandLine().getOut(), !compact);
            long t5 = System.nanoTime();
            if (timings) {
                err.printf(Locale.ROOT, "timings: read+validate+compile %.2f s, analysis %.2f s, concentration %.2f s,"
                                + " exposures %.2f s, write %.2f s (%d nodes, %d links)%n",
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9,
                        net.nodeCount(), net.linkCount());
            }
            return CommandLine.ExitCode.OK;
        } catch (NetworkException e) {
            err.println("error: " + DicasCommandLine.oneLine(e.getMessage()));
            return CommandLine.ExitCode.SOFTWARE;
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + e.getFile());
            return CommandLine.ExitCode.SOFTWARE;
        } catch (IOException e) {
            err.println("error: cannot read: " + DicasCommandLine.oneLine(e.toString()));
            return CommandLine.ExitCode.SOFTWARE;
        } catch (UncheckedIOException e) {
            err.println("error: cannot read: " + DicasCommandLine.oneLine(e.getCause().toString()));
            return CommandLine.ExitCode.SOFTWARE;
        } finally {
            err.flush();
        }
    }

    private SupplyNetwork readJson(String file) throws IOException {
        if (file.equals("-")) {
            return NetworkJson.readNetwork(System.in);
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return NetworkJson.readNetwork(in);
        }
    }

    private SupplyNetwork readCsv() throws IOException {
        try (Reader n = Files.newBufferedReader(nodes, StandardCharsets.UTF_8);
             Reader i = Files.newBufferedReader(inputs, StandardCharsets.UTF_8);
             Reader e = endItems == null ? null : Files.newBufferedReader(endItems, StandardCharsets.UTF_8)) {
            return NetworkCsv.readNetwork(n, name(nodes), i, name(inputs), e, endItems == null ? null : name(endItems));
        }
    }

    private static String name(Path p) {
        Path f = p.getFileName();
        return f == null ? p.toString() : f.toString();
    }
}
