package org.dicas.search.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.dicas.requirements.bench.SyntheticRequirements;
import org.dicas.requirements.engine.RequirementProfile;
import org.dicas.search.engine.BilingualIndex;
import org.dicas.search.engine.BilingualQuery;
import org.dicas.search.engine.IndexedRecord;
import org.dicas.shared.ReadableIds;
import org.dicas.search.text.Glossary;
import org.dicas.security.DicasUser;
import org.dicas.security.OrganizationKind;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.security.PolicySqlForBenchmarks;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.NationCode;

/**
 * Search benchmark: N synthetic requirement records ({@link SyntheticRequirements}, English and Japanese) with a
 * spread of markings, in the bilingual Lucene index on disk and in an embedded PostgreSQL {@code record} table.
 * Runs Q mixed English/Japanese queries as a Japanese government CUI reader (who may read about 70% of them) and
 * prints latency percentiles of: the Lucene search with the readable filter inside (query building, top 20,
 * stored fields and snippets), the same without filter, and the old SQL search (every word ILIKE over title and
 * text, the policy predicate, newest first, limit 20). Also the cost of computing a reader's readable set (the
 * cache miss). Not a unit test:
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.dicas.search.bench.SearchBenchmark -Dexec.args="--records 100000 --queries 2000"
 * </pre>
 */
public final class SearchBenchmark {

    public static void main(String[] args) throws Exception {
        int n = intArg(args, "--records", 100_000);
        int queries = intArg(args, "--queries", 2_000);
        int sqlQueries = intArg(args, "--sql-queries", 200);
        long seed = intArg(args, "--seed", 42);
        int threads = intArg(args, "--threads", 2);
        Path work = Files.createTempDirectory("dicas-search-bench");
        System.out.printf("records %,d, queries %,d (SQL: %,d), seed %d, %d indexing threads, JVM %s, %d cores%n",
                n, queries, sqlQueries, seed, threads, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        List<RequirementProfile> reqs = SyntheticRequirements.generate(n, seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < reqs.size(); i++) {
            RequirementProfile p = reqs.get(i);
            rows.add(new Row(i + 1L, p.title(), p.description() + " " + p.service() + " " + p.id(), marking(rnd, p.nation())));
        }
        System.out.printf("generate: %.1f s%n", secs(t0));

        Glossary glossary = Glossary.shipped();
        t0 = System.nanoTime();
        BilingualIndex index = BilingualIndex.open(FSDirectory.open(work.resolve("index")), glossary);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        int chunk = 2_000;
        for (int from = 0; from < rows.size(); from += chunk) {
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            jobs.add(pool.submit(() -> {
                index.upsert(part.stream().map(r -> new IndexedRecord(r.id(), "REQUIREMENT", r.title(), r.text(),
                        r.marking().banner(), "/requirements/" + r.id(), 0, r.id())).toList());
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        index.refresh();
        index.commit();
        long bytes;
        try (Stream<Path> files = Files.walk(work.resolve("index"))) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("index: %.1f s for %,d records, %,d MB on disk%n", secs(t0), index.size(), bytes >> 20);

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg").toFile())
                .setCleanDataDirectory(true).setServerConfig("timezone", "UTC").start();
             Connection db = pg.getPostgresDatabase().getConnection()) {
            t0 = System.nanoTime();
            load(db, rows);
            System.out.printf("database: %.1f s%n", secs(t0));

            ReleasabilityPolicy policy = new ReleasabilityPolicy(Clock.systemUTC());
            DicasUser reader = new DicasUser(1, "jp.bench", "JP reader", NationCode.of("JPN"), 1, "ATLA",
                    OrganizationKind.GOVERNMENT, AccessLevel.CUI, Set.of(), Set.of(), Optional.empty());
            PolicySqlForBenchmarks.Query filter = PolicySqlForBenchmarks.readableIds(policy, reader);
            List<Double> readableMs = new ArrayList<>();
            ReadableIds readable = null;
            for (int i = 0; i < 7; i++) {
                long s = System.nanoTime();
                readable = ReadableIds.of(ids(db, filter.sql(), filter.parameters()));
                readableMs.add((System.nanoTime() - s) / 1e6);
            }
            System.out.printf("readable set (cache miss): %,d of %,d records, median %.1f ms%n", readable.size(), n,
                    median(readableMs));

            List<String> qs = queries(glossary, queries, seed);
            ReadableIds r = readable;
            timeLucene(qs.subList(0, Math.min(500, qs.size())), q -> search(index, glossary, q, r)); // warm-up
            timeLucene(qs.subList(0, Math.min(500, qs.size())), q -> search(index, glossary, q, null));
            double[] filtered = timeLucene(qs, q -> search(index, glossary, q, r));
            double[] unfiltered = timeLucene(qs, q -> search(index, glossary, q, null));
            long hitsTotal = 0;
            int empty = 0;
            for (String q : qs) {
                int c = index.count(BilingualQuery.of(q, glossary), r);
                hitsTotal += c;
                empty += c == 0 ? 1 : 0;
            }
            double[] build = timeLucene(qs, q -> BilingualQuery.of(q, glossary));
            double[] topOnly = timeLucene(qs, q -> {
                try {
                    index.topIds(BilingualQuery.of(q, glossary), r, 20);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            double[] filteredCpu = cpuOf(qs, q -> search(index, glossary, q, r));
            double[] countOnly = timeLucene(qs, q -> {
                try {
                    index.count(BilingualQuery.of(q, glossary), r);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> sqlQs = qs.subList(0, Math.min(sqlQueries, qs.size()));
            for (String q : sqlQs.subList(0, Math.min(20, sqlQs.size()))) {
                sql(db, filter, q);
            }
            double[] sql = timeLucene(sqlQs, q -> sql(db, filter, q));
            System.out.printf("matching readable records per query: mean %,d; queries with no match: %d%n",
                    hitsTotal / qs.size(), empty);
            System.out.println();
            System.out.println("| top 20 | p50 | p95 | p99 | max |");
            System.out.println("|---|---:|---:|---:|---:|");
            row("Lucene, readable filter inside (" + qs.size() + " queries)", filtered);
            row("Lucene, no filter (" + qs.size() + " queries)", unfiltered);
            row("same, thread CPU time (excludes waiting for a core on the shared machine)", filteredCpu);
            row("of which: building the query (analysis, glossary)", build);
            row("build + top-20 ids only (no stored fields, no snippets)", topOnly);
            row("build + count all readable matches (no top-K, no snippets)", countOnly);
            row("old SQL ILIKE + policy predicate (" + sqlQs.size() + " queries)", sql);
            System.out.printf("| ratio SQL / Lucene filtered | %.0f× | %.0f× | %.0f× | |%n", sql[0] / filtered[0],
                    sql[1] / filtered[1], sql[2] / filtered[2]);
        } finally {
            index.close();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    record Row(long id, String title, String text, BenchMarking marking) {
    }

    /** The columns the policy decides on. */
    record BenchMarking(String banner, int level, boolean noforn, String relTo, String groups, String export,
                        String origin, boolean authorized) {
    }

    /** 55% UNCLASSIFIED, 15% CUI REL TO USA, JPN, 15% CUI NOFORN, 10% CUI GROUP WG-SHIP, 5% ITAR (half authorized). */
    static BenchMarking marking(SplittableRandom rnd, String nation) {
        String origin = nation.length() == 3 ? nation : "USA";
        int p = rnd.nextInt(100);
        if (p < 55) {
            return new BenchMarking("UNCLASSIFIED", 1, false, "{}", "{}", null, origin, false);
        } else if (p < 70) {
            return new BenchMarking("CUI//REL TO USA, JPN", 2, false, "{USA,JPN}", "{}", null, "USA", false);
        } else if (p < 85) {
            return new BenchMarking("CUI//NOFORN", 2, true, "{}", "{}", null, "USA", false);
        } else if (p < 95) {
            return new BenchMarking("CUI//GROUP WG-SHIP", 2, false, "{}", "{WG-SHIP}", null, "USA", false);
        }
        return new BenchMarking("CUI//REL TO USA, JPN//EXPORT ITAR USML-IV", 2, false, "{USA,JPN}", "{}", "ITAR", "USA",
                rnd.nextBoolean());
    }

    static void load(Connection db, List<Row> rows) throws Exception {
        try (var st = db.createStatement()) {
            st.execute("""
                    create table record (id bigint primary key, kind text not null, title text not null,
                      search_text text not null, marking text not null, level smallint not null, noforn boolean not null,
                      rel_to text[] not null, groups text[] not null, propin boolean not null, export_regime text,
                      origin_nation char(3) not null, owning_company_id bigint, container_id bigint,
                      link text not null, updated_at timestamptz not null,
                      government_only boolean not null default false, withheld boolean not null default false,
                      ancestors bigint[] not null default '{}');
                    create table export_authorization (id bigint primary key, covered_nations text[] not null,
                      covered_companies bigint[] not null, valid_from date not null, valid_to date not null);
                    create table record_authorization (record_id bigint, authorization_id bigint,
                      primary key (record_id, authorization_id));
                    create index record_authorization_auth_idx on record_authorization (authorization_id);
                    insert into export_authorization values (1, '{JPN}', '{}', current_date - 30, current_date + 30);""");
        }
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement("""
                insert into record values (?, 'REQUIREMENT', ?, ?, ?, ?, ?, cast(? as text[]), cast(? as text[]), false, ?,
                ?, null, null, ?, ?)""");
             PreparedStatement auth = db.prepareStatement("insert into record_authorization values (?, 1)")) {
            int k = 0;
            for (Row r : rows) {
                BenchMarking m = r.marking();
                ps.setLong(1, r.id());
                ps.setString(2, r.title());
                ps.setString(3, r.text());
                ps.setString(4, m.banner());
                ps.setShort(5, (short) m.level());
                ps.setBoolean(6, m.noforn());
                ps.setString(7, m.relTo());
                ps.setString(8, m.groups());
                ps.setString(9, m.export());
                ps.setString(10, m.origin());
                ps.setString(11, "/requirements/" + r.id());
                ps.setTimestamp(12, Timestamp.from(Instant.ofEpochSecond(1_700_000_000L + r.id())));
                ps.addBatch();
                if (m.authorized()) {
                    auth.setLong(1, r.id());
                    auth.addBatch();
                }
                if (++k % 5_000 == 0) {
                    ps.executeBatch();
                    auth.executeBatch();
                }
            }
            ps.executeBatch();
            auth.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        try (var st = db.createStatement()) {
            st.execute("analyze");
        }
    }

    static List<Long> ids(Connection db, String sql, Map<String, Object> params) throws Exception {
        List<Long> out = new ArrayList<>();
        Named named = Named.of(sql, params);
        try (PreparedStatement ps = named.prepare(db); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** The old search's SQL: every word ILIKE over title and text, the policy predicate, newest first, limit 20. */
    static void sql(Connection db, PolicySqlForBenchmarks.Query filter, String q) {
        List<String> words = Arrays.stream(q.strip().split("\\s+")).filter(w -> !w.isEmpty()).limit(10).toList();
        StringBuilder sql = new StringBuilder("select r.id, r.kind, r.title, r.marking, r.link, r.search_text from record r where ")
                .append(filter.clause());
        Map<String, Object> params = new java.util.HashMap<>(filter.parameters());
        for (int i = 0; i < words.size(); i++) {
            sql.append(" and (r.title || ' ' || r.search_text) ilike :w").append(i).append(" escape '\\'");
            params.put("w" + i, "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by r.updated_at desc, r.id desc limit 20");
        try {
            ids(db, sql.toString(), params);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void search(BilingualIndex index, Glossary glossary, String q, ReadableIds readable) {
        try {
            index.search(BilingualQuery.of(q, glossary), readable, 20);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mixed queries: a glossary term in English (45%) or Japanese (45%), or an English and a Japanese term (10%). */
    static List<String> queries(Glossary glossary, int count, long seed) {
        List<Glossary.Entry> entries = glossary.entries().stream()
                .filter(e -> !e.english().isEmpty() && !e.japanese().isEmpty()).toList();
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Glossary.Entry e = entries.get(rnd.nextInt(entries.size()));
            int p = rnd.nextInt(100);
            if (p < 45) {
                out.add(e.english().get(rnd.nextInt(e.english().size())));
            } else if (p < 90) {
                out.add(e.japanese().get(rnd.nextInt(e.japanese().size())));
            } else {
                Glossary.Entry f = entries.get(rnd.nextInt(entries.size()));
                out.add(e.english().get(0) + " " + f.japanese().get(0));
            }
        }
        return out;
    }

    static double[] timeLucene(List<String> qs, Consumer<String> run) {
        double[] ms = new double[qs.size()];
        for (int i = 0; i < qs.size(); i++) {
            long s = System.nanoTime();
            run.accept(qs.get(i));
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1]};
    }

    static double[] cpuOf(List<String> qs, Consumer<String> run) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[qs.size()];
        for (int i = 0; i < qs.size(); i++) {
            long s = mx.getCurrentThreadCpuTime();
            run.accept(qs.get(i));
            ms[i] = (mx.getCurrentThreadCpuTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1]};
    }

    static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static void row(String what, double[] v) {
        System.out.printf("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n", what, v[0], v[1], v[2], v[3]);
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }

    /** Named parameters (:name) turned into JDBC placeholders, with the types the policy's parameters have. */
    record Named(String sql, List<Object> values) {
        static Named of(String sql, Map<String, Object> params) {
            StringBuilder out = new StringBuilder();
            List<Object> values = new ArrayList<>();
            var m = java.util.regex.Pattern.compile("(?<!:):([a-zA-Z_][a-zA-Z0-9_]*)").matcher(sql);
            int last = 0;
            while (m.find()) {
                if (!params.containsKey(m.group(1))) {
                    continue;
                }
                out.append(sql, last, m.start()).append('?');
                values.add(params.get(m.group(1)));
                last = m.end();
            }
            out.append(sql.substring(last));
            return new Named(out.toString(), values);
        }

        PreparedStatement prepare(Connection db) throws Exception {
            PreparedStatement ps = db.prepareStatement(sql);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof LocalDate d) {
                    ps.setObject(i + 1, d);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            return ps;
        }
    }
}
