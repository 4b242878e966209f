package org.dicas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code coproduction plan} run in-process: the contract's JSON on stdout, one line naming the record on stderr. */
class CoproductionCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() {
            return JsonMapper.shared().readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DicasCommandLine.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static final String PROBLEM = """
            {"periods": 4,
             "lines": [{"id": "L-JP-1", "nation": "JPN", "product": "PAC-3 MSE", "capacity": [0, 4, 8, 8], "unitCost": 4.1},
                       {"id": "L-US-1", "nation": "USA", "product": "PAC-3 MSE", "capacity": [5, 5, 5, 5], "unitCost": 3.95}],
             "components": [{"id": "SRM", "capacity": [10, 10, 10, 10], "usage": {"PAC-3 MSE": 1}}],
             "demands": [{"id": "D-USA-1", "nation": "USA", "product": "PAC-3 MSE", "quantity": 20, "due": 2, "priority": 3},
                         {"id": "D-JPN-1", "nation": "JPN", "product": "PAC-3 MSE", "quantity": 12, "due": 4, "priority": 2}],
             "transfers": [{"from": "JPN", "to": "USA", "products": ["PAC-3 MSE"]}]}
            """;

    Path file(String content) throws IOException {
        Path p = dir.resolve("p.json");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void plansTheExampleToAProvenOptimum() throws IOException {
        Run r = run("coproduction", "plan", "--input", file(PROBLEM).toString(), "--seconds", "20");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("status").asString()).isEqualTo("OPTIMAL");
        // the lines can make 5 + 9 + 10 + 10 = 34 within SRM's 10 a period: all 32 demanded units are delivered
        JsonNode score = json.get("score");
        assertThat(score.get("unmetPriority").asLong()).isZero();
        long delivered = 0;
        String previous = "";
        for (JsonNode d : json.get("deliveries")) {
            assertThat(d.get("quantity").asInt()).isPositive();
            String key = d.get("demand").asString() + "/" + d.get("period").asInt() + "/" + d.get("line").asString();
            assertThat(key.compareTo(previous)).isPositive();
            previous = key;
            delivered += d.get("quantity").asInt();
        }
        assertThat(delivered).isEqualTo(32);
        assertThat(json.get("unmet").size()).isZero();
        assertThat(score.get("cost").isNumber()).isTrue();
        assertThat(json.get("bottlenecks").isArray()).isTrue();
        assertThat(json.get("bottlenecks").get(0).get("kind").asString()).isIn("line", "component");
    }

    @Test
    void reportsUnmetAndTheBottleneckWorthOneMoreUnit() throws IOException {
        Run r = run("coproduction", "plan", "--input", file(PROBLEM.replace("\"quantity\": 12", "\"quantity\": 30"))
                .toString(), "--seconds", "20", "--compact");
        assertThat(r.code()).isZero();
        assertThat(r.out().trim()).doesNotContain("\n");
        JsonNode json = r.json();
        assertThat(json.get("unmet").get(0).get("demand").asString()).isEqualTo("D-JPN-1");
        JsonNode top = json.get("bottlenecks").get(0);
        assertThat(top.get("objective").asString()).isEqualTo("unmetPriority");
        assertThat(top.get("value").asDouble()).isEqualTo(2.0);
    }

    @Test
    void zeroSecondsGivesTheGreedyPlanMarkedFeasible() throws IOException {
        Run r = run("coproduction", "plan", "--input", file(PROBLEM).toString(), "--seconds", "0");
        assertThat(r.code()).isZero();
        assertThat(r.json().get("status").asString()).isEqualTo("FEASIBLE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            capacity list of the wrong length | "capacity": [0, 4, 8, 8] | "capacity": [0, 4, 8] | line L-JP-1: capacity must list 4 periods (got 3)
            due after the last period | "due": 2 | "due": 5 | demand D-USA-1: due must be a period between 1 and 4 (got 5)
            due before the first period | "due": 2 | "due": 0 | demand D-USA-1: due must be a period between 1 and 4 (got 0)
            unknown product of a demand | "product": "PAC-3 MSE", "quantity": 12 | "product": "SM-3 IIA", "quantity": 12 | demand D-JPN-1: unknown product (no line makes it) 'SM-3 IIA'
            unknown product of a component | {"PAC-3 MSE": 1} | {"GPI": 1} | component SRM: usage names an unknown product 'GPI'
            unknown nation of a transfer | "to": "USA" | "to": "AUS" | transfer JPN→AUS: unknown nation (no line or demand has it) 'AUS'
            duplicate line id | "id": "L-US-1" | "id": "L-JP-1" | line L-JP-1: duplicate id
            duplicate demand id | "id": "D-JPN-1" | "id": "D-USA-1" | demand D-USA-1: duplicate id
            negative capacity | [5, 5, 5, 5] | [5, -1, 5, 5] | line L-US-1: capacity of period 2 must be between 0 and 1000000 (got -1)
            negative quantity | "quantity": 20 | "quantity": -20 | demand D-USA-1: quantity must be between 0 and 100000 (got -20)
            negative cost | "unitCost": 3.95 | "unitCost": -3.95 | line L-US-1: unitCost must be between 0 and 1000000 (got -3.95)
            non-numeric cost | "unitCost": 3.95 | "unitCost": "cheap" | line L-US-1: unitCost must be a number (got "cheap")
            non-numeric capacity | [10, 10, 10, 10] | [10, "ten", 10, 10] | component SRM: capacity[1] must be a whole number (got "ten")
            fractional quantity | "quantity": 20 | "quantity": 2.5 | demand D-USA-1: quantity must be a whole number (got 2.5)
            zero priority | "priority": 3 | "priority": 0 | demand D-USA-1: priority must be between 1 and 1000 (got 0)
            unknown field | "priority": 3 | "priority": 3, "prio": 1 | demand D-USA-1: unknown field 'prio'
            """)
    void refusesBadInputWithOneLineNamingTheRecord(String name, String from, String to, String message)
            throws IOException {
        assertThat(PROBLEM).contains(from);
        Run r = run("coproduction", "plan", "--input", file(PROBLEM.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to))).toString(), "--seconds", "1");
        assertThat(r.code()).as(name).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("error: " + message);
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Run r = run("coproduction", "plan", "--input", file("{\"periods\": 4,\n \"lines\": [,]}").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: malformed JSON: ").contains("(line 2, column ");
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void aMissingFileIsNamed() {
        Run r = run("coproduction", "plan", "--input", dir.resolve("none.json").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: no such file: " + dir.resolve("none.json"));
    }

    @Test
    void aMissingInputOptionIsAUsageError() {
        Run r = run("coproduction", "plan");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--input");
    }
}
