package org.dicas.requirements.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicas.requirements.engine.Candidate;
import org.dicas.requirements.engine.OpportunityFinder;
import org.dicas.requirements.engine.RequirementProfile;

/**
 * Speed of the opportunity finder on synthetic requirements ({@link SyntheticRequirements}) next to the BM25-only
 * baseline ({@link Bm25Baseline}): index build and {@code matchAll(5)} for both, and the ratio. Not a unit test; run:
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.dicas.requirements.bench.OpportunityFinderBenchmark -Dexec.args="--n 100000 --seed 42"
 * </pre>
 * Options: {@code --n N} (default 100000), {@code --seed S} (42), {@code --bm25-queries Q} (default all; a smaller Q
 * times the baseline on the first Q queries and extrapolates linearly, marked as such), {@code --no-bm25}.
 */
public final class OpportunityFinderBenchmark {

    private OpportunityFinderBenchmark() {
    }

    /** CPU time of the whole process in ns (all threads), to read past other load on a shared machine. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        int n = 100_000;
        long seed = 42;
        int bm25Queries = -1;
        boolean bm25 = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--bm25-queries" -> bm25Queries = Integer.parseInt(args[++i]);
                case "--no-bm25" -> bm25 = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "cores %d, max heap %d MB, n %d, seed %d%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, n, seed);
        long t0 = System.nanoTime();
        List<RequirementProfile> reqs = SyntheticRequirements.generate(n, seed);
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "generate            %8.2f s%n", (t1 - t0) / 1e9);
        // warm-up on a small set (class loading, kuromoji dictionary, JIT)
        OpportunityFinder.over(reqs.subList(0, Math.min(2000, n))).matchAll(5);

        long b0 = System.nanoTime();
        long p0 = cpu();
        OpportunityFinder finder = OpportunityFinder.over(reqs);
        long b1 = System.nanoTime();
        long p1 = cpu();
        Map<String, List<Candidate>> all = finder.matchAll(5);
        long b2 = System.nanoTime();
        long p2 = cpu();
        long flagged = all.values().stream().flatMap(List::stream).filter(Candidate::opportunity).count();
        double engineBuild = (b1 - b0) / 1e9;
        double engineMatch = (b2 - b1) / 1e9;
        System.out.printf(Locale.ROOT, "engine  build       %8.2f s  (process CPU %.2f s)%n", engineBuild, (p1 - p0) / 1e9);
        System.out.printf(Locale.ROOT,
                "engine  matchAll(5) %8.2f s  (process CPU %.2f s; %.1f µs/requirement, %d flagged candidates)%n",
                engineMatch, (p2 - p1) / 1e9, engineMatch * 1e6 / n, flagged);
        System.out.printf(Locale.ROOT, "engine  total       %8.2f s%n", engineBuild + engineMatch);
        if (!bm25) {
            return;
        }
        long c0 = System.nanoTime();
        long q0 = cpu();
        try (Bm25Baseline baseline = new Bm25Baseline(reqs)) {
            long c1 = System.nanoTime();
            long q1 = cpu();
            int q = bm25Queries <= 0 || bm25Queries > n ? n : bm25Queries;
            long c2;
            if (q == n) {
                baseline.matchAll(5);
                c2 = System.nanoTime();
            } else {
                java.util.stream.IntStream.range(0, q).parallel().forEach(i -> baseline.candidatesFor(i, 5));
                c2 = System.nanoTime();
            }
            long q2 = cpu();
            double bmBuild = (c1 - c0) / 1e9;
            double bmMatch = (c2 - c1) / 1e9 * n / q;
            System.out.printf(Locale.ROOT, "BM25    build       %8.2f s  (process CPU %.2f s)%n", bmBuild,
                    (q1 - q0) / 1e9);
            System.out.printf(Locale.ROOT, "BM25    matchAll(5) %8.2f s  (process CPU %.2f s)%s%n", bmMatch,
                    (q2 - q1) / 1e9 * n / q, q == n ? "" : "  (extrapolated from " + q + " queries)");
            System.out.printf(Locale.ROOT, "BM25    total       %8.2f s%n", bmBuild + bmMatch);
            System.out.printf(Locale.ROOT, "ratio engine/BM25: match %.2f, total %.2f%n",
                    engineMatch / bmMatch, (engineBuild + engineMatch) / (bmBuild + bmMatch));
        }
    }
}
