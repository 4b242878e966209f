package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Security owns the read path: outside {@code org.dicas.security} no source file reads the {@code record} table
 * without a policy token for each alias ({@link ReadableRecords}), writes it, touches its marking columns or the
 * authorization tables, or reads every record (the named system readers excepted). The detector is proven on known
 * bad snippets first, so this test can fail.
 */
class ReadPathTest {

    static final Path MAIN = Path.of("src/main/java/org/dicas");
    /** The only classes outside security that may read every record, each for a stated reason. */
    static final Set<String> SYSTEM_READERS = Set.of(
            "search/internal/SearchIndexer.java",     // the index holds everything; queries filter by readable set
            "sustainment/RepairFacilities.java",      // the planner needs the whole problem; results are filtered
            "sustainment/RepairJobs.java",            // idem
            "programs/internal/WorkPackages.java",    // the balance needs every package and cost; views are filtered
            "coproduction/LineCosts.java");           // the co-production planner solves with every firm's cost

    static final Pattern RECORD_ALIAS = Pattern.compile("(?i)\\b(?:from|join)\\s+record\\s+(?:as\\s+)?(\\w+)");
    static final Pattern TOKEN = Pattern.compile("\\{(readable|readableInContainer|everyRecord):(\\w+)}");
    static final Pattern WRITE = Pattern.compile("(?i)\\b(update\\s+record\\b|insert\\s+into\\s+record\\b|delete\\s+from\\s+record\\b|truncate\\s+(table\\s+)?record\\b)");
    static final Pattern TRUST_TABLES = Pattern.compile("(?i)\\b(record_authorization|export_authorization|policy_epoch)\\b");
    static final String MARKING_COLUMNS = "(level|noforn|rel_to|groups|propin|export_regime|government_only|withheld)";

    static List<String> violations(String file, String source) {
        List<String> out = new ArrayList<>();
        Set<String> tokens = new LinkedHashSet<>();
        Matcher t = TOKEN.matcher(source);
        while (t.find()) {
            tokens.add(t.group(2));
            if (t.group(1).equals("everyRecord") && !SYSTEM_READERS.contains(file)) {
                out.add(file + ": reads every record ({everyRecord:" + t.group(2) + "}) but is not a named system reader");
            }
        }
        Set<String> aliases = new LinkedHashSet<>();
        Matcher a = RECORD_ALIAS.matcher(source);
        while (a.find()) {
            aliases.add(a.group(1));
            if (!tokens.contains(a.group(1))) {
                out.add(file + ": reads record " + a.group(1) + " without a policy token for it");
            }
        }
        for (String alias : aliases) {
            Matcher c = Pattern.compile("\\b" + Pattern.quote(alias) + "\\." + MARKING_COLUMNS + "\\b").matcher(source);
            while (c.find()) {
                out.add(file + ": touches the marking column " + c.group());
            }
        }
        Matcher w = WRITE.matcher(source);
        while (w.find()) {
            out.add(file + ": writes the record table (" + w.group() + ") — go through MarkedRecords");
        }
        Matcher x = TRUST_TABLES.matcher(source);
        while (x.find()) {
            out.add(file + ": reads or writes " + x.group() + " — a table of the trust model");
        }
        if (source.contains("sqlFilter(") || source.contains("sqlFilterWithContainer(")) {
            out.add(file + ": composes the policy predicate itself");
        }
        return out;
    }

    @Test
    void theDetectorCatchesEveryWayAroundThePolicy() {
        assertThat(violations("x/A.java", "select d.id from document d join record r on r.id = d.id")).hasSize(1);
        assertThat(violations("x/A.java", "select id from record where kind = 'X'")).hasSize(1);
        assertThat(violations("x/A.java", "from record r where {readable:r} and r.rel_to @> '{JPN}'")).hasSize(1);
        assertThat(violations("x/A.java", "from record r where {readable:r} and r.noforn")).hasSize(1);
        assertThat(violations("x/A.java", "from record r where {readable:r} and not r.withheld")).hasSize(1);
        assertThat(violations("x/A.java", "update record set marking = 'PUBLIC'")).hasSize(1);
        assertThat(violations("x/A.java", "select 1 from record_authorization")).hasSize(1);
        assertThat(violations("x/A.java", "from record r where {everyRecord:r}")).hasSize(1);
        assertThat(violations("x/A.java", "policy.sqlFilter(user, \"r\")")).hasSize(1);
        assertThat(violations("x/A.java", "from record r join record q on q.id = r.container_id where {readable:r}"))
                .containsExactly("x/A.java: reads record q without a policy token for it");
        // and leaves well-formed reads alone
        assertThat(violations("x/A.java", "select r.marking, r.title from document d join record r on r.id = d.id"
                + " where {readableInContainer:r} and r.origin_nation = :n")).isEmpty();
        assertThat(violations("sustainment/RepairJobs.java", "from record r where {everyRecord:r}")).isEmpty();
    }

    @Test
    void noModuleReadsMarkedRecordsAroundTheOneReadPath() throws IOException {
        assertThat(MAIN).isDirectory();
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path p : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String rel = MAIN.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith("security/")) {
                    continue;
                }
                files++;
                found.addAll(violations(rel, Files.readString(p)));
            }
        }
        assertThat(files).as("source files scanned").isGreaterThan(200);
        assertThat(found).isEmpty();
    }

    @Test
    void aQueryThatNamesARecordAliasWithoutATokenIsRefusedAtRunTimeToo() {
        ReadableRecords readable = new ReadableRecords(null, new ReleasabilityPolicy(java.time.Clock.systemUTC()));
        DicasUser reader = new DicasUser(1, "x", "X", org.dicas.shared.NationCode.of("JPN"), 1, "ATLA",
                OrganizationKind.GOVERNMENT, org.dicas.shared.AccessLevel.CUI, Set.of(), Set.of(), java.util.Optional.empty());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readable.expand(
                        "select d.id from document d join record r on r.id = d.id join record q on q.id = 1 where {readable:r}", reader))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record q");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readable.expand("from record r where {everyRecord:r}", reader))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(readable.expand("from record r where {readable:r}", reader)).contains("r.level <= :rp_level")
                .doesNotContain("{readable");
    }
}
