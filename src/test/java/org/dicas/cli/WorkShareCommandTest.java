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

/** {@code workshare balance} run in-process: the contract's JSON on stdout, one line on stderr for bad input. */
class WorkShareCommandTest {

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

    /** The example with two more packages; USA 60 ± 5. */
    static final String PROBLEM = """
            {"nations": [{"code": "USA", "share": 60.0}, {"code": "JPN", "share": 40.0}],
             "tolerance": 5.0,
             "packages": [
               {"id": "WP-003", "title": "Kill vehicle", "controls": [],
                "options": [{"performer": "Pacific Missile Works", "nation": "USA", "cost": 150},
                            {"performer": "Sakura Heavy Industries", "nation": "JPN", "cost": 170}]},
               {"id": "WP-001", "title": "Second-stage rocket motor", "controls": ["ITAR-USML-IV"],
                "options": [{"performer": "Pacific Missile Works", "nation": "USA", "cost": 118.5},
                            {"performer": "Sakura Heavy Industries", "nation": "JPN", "cost": 131.0}]},
               {"id": "WP-002", "title": "Seeker",
                "options": [{"performer": "Pacific Missile Works", "nation": "USA", "cost": 100},
                            {"performer": "Sakura Heavy Industries", "nation": "JPN", "cost": 90.25}]}],
             "releases": [{"control": "ITAR-USML-IV", "nations": ["USA", "JPN"]}],
             "capacities": [{"performer": "Sakura Heavy Industries", "maxCost": 400.0}]}
            """;

    Path file(String content) throws IOException {
        Path p = dir.resolve("p.json");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void balancesTheExampleToTheProvenOptimum() throws IOException {
        Run r = run("workshare", "balance", "--input", file(PROBLEM).toString(), "--seconds", "10");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        // cheapest: USA 150 + 118.5, JPN 90.25 → USA 74.8 %; the best split within 55–65 % gives JPN the kill vehicle
        assertThat(j.get("status").asString()).isEqualTo("OPTIMAL");
        assertThat(j.get("totalCost").decimalValue()).isEqualByComparingTo("388.5");
        assertThat(j.get("lowerBound").decimalValue()).isEqualByComparingTo("388.5");
        assertThat(j.get("unconstrainedCost").decimalValue()).isEqualByComparingTo("358.75");
        assertThat(j.get("priceOfBalance").decimalValue()).isEqualByComparingTo("29.75");
        assertThat(j.get("assignments").size()).isEqualTo(3);
        assertThat(j.get("assignments").get(0).get("package").asString()).isEqualTo("WP-001");
        assertThat(j.get("assignments").get(1).get("package").asString()).isEqualTo("WP-002");
        JsonNode third = j.get("assignments").get(2);
        assertThat(third.get("package").asString()).isEqualTo("WP-003");
        assertThat(third.get("performer").asString()).isEqualTo("Sakura Heavy Industries");
        assertThat(third.get("nation").asString()).isEqualTo("JPN");
        assertThat(third.get("cost").decimalValue()).isEqualByComparingTo("170");
        JsonNode usa = j.get("shares").get(0);
        assertThat(usa.get("nation").asString()).isEqualTo("USA");
        assertThat(usa.get("target").decimalValue()).isEqualByComparingTo("60");
        assertThat(usa.get("cost").decimalValue()).isEqualByComparingTo("218.5");
        assertThat(usa.get("percent").decimalValue()).isEqualByComparingTo("56.24");
        assertThat(j.get("infeasibility").isNull()).isTrue();
    }

    @Test
    void provenInfeasibleNamesWhy() throws IOException {
        Run r = run("workshare", "balance", "--input",
                file(PROBLEM.replace("\"tolerance\": 5.0", "\"tolerance\": 2.0")).toString(), "--compact");
        assertThat(r.code()).isZero();
        assertThat(r.out().trim()).doesNotContain("\n");
        JsonNode j = r.json();
        assertThat(j.get("status").asString()).isEqualTo("INFEASIBLE");
        assertThat(j.get("totalCost").isNull()).isTrue();
        assertThat(j.get("assignments").size()).isZero();
        assertThat(j.get("unconstrainedCost").decimalValue()).isEqualByComparingTo("358.75");
        // the reachable USA shares are 0, 40, 56.24, 65.62, 74.84 and 100 %: none within 58–62 %
        assertThat(j.get("infeasibility").asString())
                .isEqualTo("No allowed assignment gives USA a share between 58 % and 62 % of the total cost.");
    }

    @Test
    void theLeastANationMustTakeIsNamed() throws IOException {
        // JPN may only make the seeker (ITAR on the others, released to USA only): USA keeps at least 268.5 / 358.75
        String p = PROBLEM.replace("\"controls\": []", "\"controls\": [\"ITAR-USML-IV\"]")
                .replace("\"nations\": [\"USA\", \"JPN\"]", "\"nations\": [\"USA\"]");
        Run r = run("workshare", "balance", "--input", file(p).toString());
        assertThat(r.code()).isZero();
        assertThat(r.json().get("infeasibility").asString()).isEqualTo("Every allowed assignment gives USA at least "
                + "74.85 % of the total cost, above its band of 55 % to 65 %.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            shares not summing to 100 | "share": 40.0 | "share": 39.5 | error: nations: shares sum to 99.5, not 100
            negative cost | "cost": 90.25 | "cost": -90.25 | error: package WP-002, option 2 (Sakura Heavy Industries): cost must not be negative (got -90.25)
            non-numeric cost | "cost": 90.25 | "cost": "90.25" | error: package WP-002, option 2 (Sakura Heavy Industries): cost must be a number (got "90.25")
            more than two decimals | "cost": 90.25 | "cost": 90.255 | error: package WP-002, option 2 (Sakura Heavy Industries): cost has more than two decimals (got 90.255)
            unknown nation | "nation": "JPN", "cost": 170 | "nation": "KOR", "cost": 170 | error: package WP-003, option 2 (Sakura Heavy Industries): unknown nation 'KOR'
            unknown control | "controls": ["ITAR-USML-IV"] | "controls": ["ITAR-USML-XI"] | error: package WP-001: unknown control 'ITAR-USML-XI' (no release lists it)
            duplicate package id | "id": "WP-002" | "id": "WP-001" | error: package WP-001 is listed twice
            duplicate nation | "code": "JPN" | "code": "USA" | error: nation USA is listed twice
            a package without options | {"id": "WP-002", | {"id": "WP-002", "options": []}, {"id": "WP-009", | error: package WP-002 has no options
            unknown performer's capacity | "performer": "Sakura Heavy Industries", "maxCost" | "performer": "Sakura", "maxCost" | error: capacity of Sakura: unknown performer (no option names it)
            release to an unknown nation | "nations": ["USA", "JPN"] | "nations": ["USA", "XXX"] | error: release ITAR-USML-IV: unknown nation 'XXX'
            tolerance above 100 | "tolerance": 5.0 | "tolerance": 101 | error: tolerance must be between 0 and 100 (got 101)
            unknown field | "tolerance": 5.0 | "tolerance": 5.0, "tolerence": 1 | error: problem: unknown field 'tolerence'
            """)
    void refusesBadInputWithOneLineNamingTheRecord(String what, String from, String to, String message)
            throws IOException {
        String p = PROBLEM.replace(from, to);
        assertThat(p).as(what).isNotEqualTo(PROBLEM);
        Run r = run("workshare", "balance", "--input", file(p).toString());
        assertThat(r.code()).as(what).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().trim()).as(what).isEqualTo(message);
    }

    @Test
    void refusesMalformedJsonWithLineAndColumn() throws IOException {
        Run r = run("workshare", "balance", "--input", file("{\"nations\": [\n  {\"code\": \"USA\" \"share\": 1}]}")
                .toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: malformed JSON").contains("(line 2, column ");
        assertThat(r.err().trim()).doesNotContain("\n");
        Run missing = run("workshare", "balance", "--input", dir.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: no such file");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("workshare", "balance").code()).isEqualTo(2);
        assertThat(run("workshare").code()).isEqualTo(2);
        assertThat(run("workshare", "balance", "--input", "x", "--seconds", "0").code()).isEqualTo(2);
        assertThat(DicasCommandLine.isCommand("workshare")).isTrue();
    }
}
