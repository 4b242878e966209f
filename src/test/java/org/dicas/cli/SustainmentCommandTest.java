package org.dicas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code sustainment schedule} run in-process: exit codes, the JSON on stdout, one line on stderr. */
class SustainmentCommandTest {

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
            {"horizon":{"start":"2027-01-01","end":"2027-12-31"},
             "facilities":[{"id":"F1","nation":"JPN","certifications":["MSRA"],
               "resources":[{"id":"F1-DD1","kind":"DRYDOCK","maxLengthM":250}],
               "closed":[{"start":"2027-04-29","end":"2027-05-05"}],"location":{"lat":35.44,"lon":139.65}}],
             "jobs":[{"id":"J1","asset":"DDG-XX","flagNation":"USA","resourceKinds":["DRYDOCK"],"lengthM":155,
               "durationDays":120,"earliestStart":"2027-02-01","dueDate":"2027-06-30","priority":3,
               "requires":["MSRA"],"foreignRepairAllowed":true,"homePort":{"lat":35.29,"lon":139.67}}]}
            """;

    Path file(String content) throws IOException {
        Path p = dir.resolve("p.json");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void schedulesTheExample() throws IOException {
        Run r = run("sustainment", "schedule", "--input", file(PROBLEM).toString(), "--seconds", "1");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode a = r.json().get("assignments").get(0);
        assertThat(a.get("job").asString()).isEqualTo("J1");
        assertThat(a.get("facility").asString()).isEqualTo("F1");
        assertThat(a.get("resource").asString()).isEqualTo("F1-DD1");
        // 120 days from 2027-02-01 would cross the closure 04-29..05-05, so the job starts on 05-06
        assertThat(a.get("start").asString()).isEqualTo("2027-05-06");
        assertThat(a.get("finish").asString()).isEqualTo("2027-09-02");
        assertThat(r.json().get("unassigned").size()).isZero();
        JsonNode score = r.json().get("score");
        assertThat(score.get("unassignedPriority").asLong()).isZero();
        assertThat(score.get("weightedTardinessDays").asLong()).isEqualTo(3L * 64);
        assertThat(score.get("transitKm").asLong()).isEqualTo(17);
    }

    @Test
    void aProvenOptimumSaysOptimalWithTheBoundEqualToTheScore() throws IOException {
        Run r = run("sustainment", "schedule", "--input", file(PROBLEM).toString(), "--seconds", "5");
        assertThat(r.code()).isZero();
        JsonNode json = r.json();
        assertThat(json.propertyNames()).containsExactly("assignments", "unassigned", "score", "status", "bound");
        assertThat(json.get("status").asString()).isEqualTo("OPTIMAL");
        assertThat(json.get("bound")).isEqualTo(json.get("score"));
        assertThat(json.get("bound").propertyNames())
                .containsExactly("unassignedPriority", "weightedTardinessDays", "transitKm");
    }

    @Test
    void theGreedyBaselineAloneIsFeasibleWithABoundBelowItsScore() throws IOException {
        // two jobs that cannot both be on time: the baseline proves nothing beyond what no decision changes
        String two = PROBLEM.replace("\"jobs\":[", "\"jobs\":[{\"id\":\"J2\",\"resourceKinds\":[\"DRYDOCK\"],"
                + "\"durationDays\":100,\"earliestStart\":\"2027-02-01\",\"dueDate\":\"2027-05-01\",\"priority\":2},");
        Run r = run("sustainment", "schedule", "--input", file(two).toString(), "--seconds", "0");
        assertThat(r.code()).isZero();
        assertThat(r.json().get("status").asString()).isEqualTo("FEASIBLE");
        JsonNode bound = r.json().get("bound");
        JsonNode score = r.json().get("score");
        for (String level : new String[] {"unassignedPriority", "weightedTardinessDays", "transitKm"}) {
            assertThat(bound.get(level).asLong()).as(level).isBetween(0L, score.get(level).asLong());
        }
        assertThat(bound.get("weightedTardinessDays").asLong()).isLessThan(score.get("weightedTardinessDays").asLong());
    }

    @Test
    void compactOutputAndGreedyOnly() throws IOException {
        Run r = run("sustainment", "schedule", "--input", file(PROBLEM).toString(), "--seconds", "0", "--compact");
        assertThat(r.code()).isZero();
        assertThat(r.out().trim()).doesNotContain("\n");
        assertThat(r.json().get("assignments").size()).isEqualTo(1);
    }

    @Test
    void explainsAnUnassignedJob() throws IOException {
        Run r = run("sustainment", "schedule", "--input",
                file(PROBLEM.replace("\"maxLengthM\":250", "\"maxLengthM\":150")).toString(), "--seconds", "0");
        assertThat(r.code()).isZero();
        JsonNode u = r.json().get("unassigned").get(0);
        assertThat(u.get("job").asString()).isEqualTo("J1");
        assertThat(u.get("reason").asString()).isEqualTo("no resource of kind DRYDOCK long enough (155 m)");
        assertThat(r.json().get("score").get("unassignedPriority").asLong()).isEqualTo(3);
    }

    @Test
    void refusesBadInputWithOneLine() throws IOException {
        Run r = run("sustainment", "schedule", "--input",
                file(PROBLEM.replace("\"durationDays\":120", "\"durationDays\":0")).toString(), "--seconds", "1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: job J1: durationDays");
        assertThat(r.err().trim()).doesNotContain("\n");
    }

    @Test
    void refusesMalformedJsonAndMissingFiles() throws IOException {
        Run r = run("sustainment", "schedule", "--input", file("{\"horizon\":").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: malformed JSON");
        assertThat(r.err().trim()).doesNotContain("\n");
        Run missing = run("sustainment", "schedule", "--input", dir.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: no such file");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("sustainment", "schedule").code()).isEqualTo(2);
        assertThat(run("sustainment").code()).isEqualTo(2);
        assertThat(run("sustainment", "schedule", "--input", "x", "--seconds", "-1").code()).isEqualTo(2);
        assertThat(DicasCommandLine.isCommand("sustainment")).isTrue();
    }
}
