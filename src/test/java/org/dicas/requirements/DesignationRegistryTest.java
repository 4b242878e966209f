package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The designation registry ({@code glossary/designations.tsv}, docs/designations.md) is reviewed data: these checks
 * are its review checklist's mechanical part, so a row added by hand cannot break its shape.
 */
class DesignationRegistryTest {

    private static final Path REGISTRY = Path.of("src/main/resources/glossary/designations.tsv");
    private static final Path AREAS = Path.of("src/main/resources/glossary/capability-areas.tsv");
    private static final List<String> COLUMNS = List.of("id", "parent", "family", "role", "area", "designations", "en",
            "ja", "operators", "note", "source");

    private static List<Map<String, String>> rows;
    private static List<String> malformedRows;

    @BeforeAll
    static void read() throws IOException {
        malformedRows = new ArrayList<>();
        rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(REGISTRY, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(Arrays.asList(lines.get(0).split("\t"))).isEqualTo(COLUMNS);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            if (cells.length != COLUMNS.size()) {
                malformedRows.add("row has " + cells.length + " columns: " + line);
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                row.put(COLUMNS.get(i), cells[i]);
            }
            rows.add(row);
        }
    }

    @Test
    void everyRowIsWhole() throws IOException {
        List<String> problems = new ArrayList<>(malformedRows);
        Set<String> areas = Files.lines(AREAS, StandardCharsets.UTF_8).filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t")[0]).collect(Collectors.toSet());
        Set<String> ids = new HashSet<>();
        for (Map<String, String> r : rows) {
            String id = r.get("id");
            if (!id.matches("[a-z0-9_]+") || !ids.add(id)) {
                problems.add("id missing, malformed or twice: " + id);
            }
            if (!r.get("family").matches("[a-z0-9_]+") || !r.get("role").matches("[A-Z][A-Z0-9_]*")) {
                problems.add(id + ": family or role missing or malformed");
            }
            if (!areas.contains(r.get("area"))) {
                problems.add(id + ": area " + r.get("area") + " is not in capability-areas.tsv");
            }
            for (String o : names(r, "operators")) {
                if (!o.matches("[A-Z]{3}")) {
                    problems.add(id + ": operator " + o + " is not an ISO alpha-3 code");
                }
            }
            for (String column : List.of("designations", "en", "ja")) {
                for (String name : names(r, column)) {
                    if (name.isBlank() || !name.equals(name.strip())) {
                        problems.add(id + ": empty or padded name in " + column);
                    }
                }
            }
            if (r.get("ja").isEmpty() && r.get("designations").isEmpty()) {
                problems.add(id + ": no Japanese name and no designation");
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Every role in use says in plain English and Japanese words what its systems are and do (method §11g), so that
     * every row is described by one rule: a requirement that only describes a system can meet one that names it.
     */
    @Test
    void everyRoleInUseSaysWhatItsSystemsAreAndDoInBothLanguages() throws IOException {
        Map<String, String[]> described = new HashMap<>();
        List<String> lines = Files.readAllLines(Path.of("src/main/resources/glossary/designation-roles.tsv"),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(lines.get(0)).isEqualTo("role\twhat_en\twhat_ja");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            assertThat(cells).as(line).hasSize(3);
            assertThat(described.put(cells[0], cells)).as("role described twice: " + cells[0]).isNull();
        }
        List<String> problems = new ArrayList<>();
        for (String role : rows.stream().map(r -> r.get("role")).collect(Collectors.toCollection(java.util.TreeSet::new))) {
            String[] d = described.get(role);
            if (d == null || d[1].isBlank() || d[2].isBlank() || !d[2].codePoints().anyMatch(c -> c > 0x3000)) {
                problems.add(role);
            }
        }
        assertThat(problems).as("roles without a description in both languages").isEmpty();
        assertThat(org.dicas.search.text.DesignationRegistry.shipped().designation("aim120").orElseThrow().whatJa())
                .contains("空対空ミサイル");
    }

    @Test
    void aVariantBelongsToItsParentsFamilyAndNoLineageLoops() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> byId = rows.stream()
                .collect(Collectors.toMap(r -> r.get("id"), r -> r, (a, b) -> a));
        for (Map<String, String> r : rows) {
            Set<String> seen = new HashSet<>();
            Map<String, String> x = r;
            while (!x.get("parent").isEmpty()) {
                Map<String, String> parent = byId.get(x.get("parent"));
                if (parent == null || !seen.add(x.get("id"))) {
                    problems.add(r.get("id") + ": parent " + x.get("parent") + " missing or a loop");
                    break;
                }
                if (!parent.get("family").equals(x.get("family"))) {
                    problems.add(x.get("id") + ": family differs from its parent's");
                }
                x = parent;
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theRegistryHoldsSiblingsAndRivalsToTellApart() {
        long families = rows.stream().map(r -> r.get("family")).distinct().count();
        long roles = rows.stream().map(r -> r.get("role")).distinct().count();
        assertThat(rows.size()).isGreaterThan((int) families);
        assertThat(families).isGreaterThan(roles);
    }

    private static List<String> names(Map<String, String> r, String column) {
        return r.get(column).isEmpty() ? List.of() : Arrays.asList(r.get(column).split("\\|", -1));
    }
}
