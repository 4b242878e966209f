package org.dicas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code requirements match} run in-process: the JSON on stdout, exit codes, one line on stderr naming the record. */
class RequirementsCommandTest {

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

    Path file(String content) throws IOException {
        Path p = dir.resolve("requirements.json");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    Path devSet() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("devset/requirements-devset.json")) {
            return file(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static final String SMALL = """
            {"requirements":[
             {"id":"US-1","nation":"USA","service":"USAF","title":"Replace T-38C trainer jets",
              "description":"Replace aging trainer aircraft used for pilot training.","quantity":351,"needBy":"2029-09"},
             {"id":"JP-1","nation":"JPN","service":"航空自衛隊","title":"T-4練習機の後継機の取得",
              "description":"老朽化したT-4練習機の後継となる練習機を取得する。","quantity":100,"needBy":"2030-03"},
             {"id":"US-2","nation":"USA","service":"USAF","title":"Tanker aircraft","description":"KC-46A tankers."}
            ]}
            """;

    @Test
    void matchesEveryRequirementWithCandidatesOfOtherNations() throws IOException {
        Run r = run("requirements", "match", "--input", devSet().toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode matches = r.json().get("matches");
        assertThat(matches.size()).isEqualTo(76);
        Map<String, String> nation = new HashMap<>();
        matches.forEach(m -> nation.put(m.get("requirement").asString(), m.get("nation").asString()));
        for (JsonNode m : matches) {
            JsonNode cs = m.get("candidates");
            assertThat(cs.size()).isEqualTo(5);
            double previous = 1.0;
            for (JsonNode c : cs) {
                assertThat(nation.get(c.get("id").asString())).isNotEqualTo(m.get("nation").asString());
                double score = c.get("score").asDouble();
                assertThat(score).isBetween(0.0, previous);
                previous = score;
                assertThat(c.get("opportunity").isBoolean()).isTrue();
                assertThat(c.get("explanation").get("summary").asString()).isNotBlank();
            }
        }
        assertThat(r.json().get("groups").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void explainsAFlaggedPairWithWindowAndSavings() throws IOException {
        Run r = run("requirements", "match", "--input", file(SMALL).toString(), "--top", "1");
        assertThat(r.code()).isZero();
        JsonNode us = r.json().get("matches").get(0);
        assertThat(us.get("requirement").asString()).isEqualTo("US-1");
        assertThat(us.get("language").asString()).isEqualTo("en");
        assertThat(us.get("capabilityArea").asString()).isEqualTo("AIR.TRAINER");
        JsonNode c = us.get("candidates").get(0);
        assertThat(c.get("id").asString()).isEqualTo("JP-1");
        assertThat(c.get("opportunity").asBoolean()).isTrue();
        JsonNode e = c.get("explanation");
        assertThat(e.get("matchedTerms").toString()).contains("\"en\":\"trainer aircraft\"", "\"ja\":\"練習機\"");
        assertThat(e.get("timing").get("overlapMonths").asInt()).isEqualTo(18);
        assertThat(c.get("window").get("from").asString()).isEqualTo("2028-04");
        assertThat(c.get("window").get("to").asString()).isEqualTo("2029-09");
        assertThat(c.get("window").get("shiftMonths").asInt()).isZero();
        assertThat(c.get("savings").get("learningRate").asDouble()).isEqualTo(0.85);
        assertThat(c.get("savings").get("savings").asDouble()).isPositive();
        assertThat(r.json().get("matches").get(1).get("language").asString()).isEqualTo("ja");
        // the tanker has no Japanese counterpart in this file but still gets the best other-nation candidate
        assertThat(r.json().get("matches").get(2).get("candidates").get(0).get("id").asString()).isEqualTo("JP-1");
    }

    @Test
    void topLimitsTheCandidatesAndCompactIsOneLine() throws IOException {
        Run r = run("requirements", "match", "--input", devSet().toString(), "--top", "2", "--compact");
        assertThat(r.code()).isZero();
        assertThat(r.out().trim()).doesNotContain("\n");
        r.json().get("matches").forEach(m -> assertThat(m.get("candidates").size()).isEqualTo(2));
    }

    void refused(String content, String expectedError) throws IOException {
        Run r = run("requirements", "match", "--input", file(content).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo(expectedError);
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void refusesBadInputWithOneLineNamingTheRecord() throws IOException {
        refused("{\"requirements\":[{\"id\":\"R7\",\"nation\":\"USA\",\"title\":\"x\",\"needBy\":\"2027-13\"}]}",
                "error: requirement \"R7\": needBy \"2027-13\" is not YYYY-MM");
        refused("{\"requirements\":[{\"id\":\"R7\",\"nation\":\"USA\",\"title\":\"x\",\"needBy\":\"27-01\"}]}",
                "error: requirement \"R7\": needBy \"27-01\" is not YYYY-MM");
        refused("{\"requirements\":[{\"id\":\"R7\",\"nation\":\"USA\",\"title\":\"x\",\"needBy\":202701}]}",
                "error: requirement \"R7\": needBy 202701 is not YYYY-MM");
        refused("{\"requirements\":[{\"id\":\"R1\",\"nation\":\"USA\",\"title\":\"x\",\"quantity\":-3}]}",
                "error: requirement \"R1\": \"quantity\" -3 is negative");
        refused("{\"requirements\":[{\"id\":\"R1\",\"nation\":\"USA\",\"title\":\"x\",\"quantity\":2.5}]}",
                "error: requirement \"R1\": \"quantity\" 2.5 is not a whole number");
        refused("{\"requirements\":[{\"nation\":\"USA\",\"title\":\"x\"}]}",
                "error: requirement #1: \"id\" is missing");
        refused("{\"requirements\":[{\"id\":\"R1\",\"title\":\"x\"}]}",
                "error: requirement \"R1\": \"nation\" is missing");
        refused("{\"requirements\":[{\"id\":\"R1\",\"nation\":\"USA\",\"title\":\" \"}]}",
                "error: requirement \"R1\": \"title\" is empty");
        refused("{\"requirements\":[{\"id\":\"R1\",\"nation\":\"USA\",\"title\":\"x\"},"
                        + "{\"id\":\"R1\",\"nation\":\"JPN\",\"title\":\"y\"}]}",
                "error: requirement \"R1\": duplicate id");
        refused("{\"requirements\":[{\"id\":\"R1\",\"nation\":\"USA\",\"title\":42}]}",
                "error: requirement \"R1\": \"title\" must be text, was 42");
        refused("{\"requirements\":{}}", "error: the input must have a \"requirements\" array");
        refused("[]", "error: the input must be a JSON object with a \"requirements\" array");
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Run r = run("requirements", "match", "--input", file("{\"requirements\":[\n  {\"id\":\"R1\",,}\n]}").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: malformed JSON at line 2, column ");
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void acceptsOptionalFieldsAndIgnoresUnknownOnes() throws IOException {
        Run r = run("requirements", "match", "--input", file("""
                {"requirements":[
                 {"id":"A","nation":"usa","service":null,"title":"Glide phase interceptor","capabilityArea":"missile defense",
                  "status":"draft"},
                 {"id":"B","nation":"JPN","title":"滑空段階迎撃用誘導弾の開発","quantity":null,"needBy":null}]}
                """).toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode a = r.json().get("matches").get(0);
        assertThat(a.get("nation").asString()).isEqualTo("USA");
        assertThat(a.get("capabilityArea").asString()).isEqualTo("MISSILE_DEFENSE");
        assertThat(a.get("candidates").get(0).get("id").asString()).isEqualTo("B");
        assertThat(a.get("candidates").get(0).get("window").isNull()).isTrue();
    }

    @Test
    void missingFileAndBadTopAreRefused() {
        Run r = run("requirements", "match", "--input", dir.resolve("nope.json").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: no such file: ");
        Run top = run("requirements", "match", "--input", "x.json", "--top", "0");
        assertThat(top.code()).isEqualTo(2);
        assertThat(top.err()).startsWith("error: --top must be between 1 and 1000");
        assertThat(DicasCommandLine.isCommand("requirements")).isTrue();
    }
}
