package org.dicas.sustainment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** An unassigned job's reason names the rule that excluded it, as a message key with arguments in both languages. */
class UnassignedReasonsTest {

    final RepairScheduler exact = RepairScheduler.cpSat(2);

    Schedule.Unassigned only(ScheduleProblem p) {
        Schedule s = exact.solve(p, Duration.ofSeconds(5), x -> { });
        assertThat(s.unassigned()).hasSize(1);
        return s.unassigned().get(0);
    }

    @Test
    void theForeignRepairRuleIsNamed() {
        Schedule.Unassigned u = only(Problems.example("\"foreignRepairAllowed\":true", "\"foreignRepairAllowed\":false"));
        assertThat(u.reasonKey()).isEqualTo("plan.reason.foreignRepair");
        assertThat(u.reasonArgs()).containsExactly("USA");
        assertThat(u.reason()).isEqualTo("foreign repair not allowed (no suitable resource in USA)");
    }

    @Test
    void lengthCertificationAndKindAreNamed() {
        Schedule.Unassigned length = only(Problems.example("\"maxLengthM\":250", "\"maxLengthM\":150"));
        assertThat(length.reasonKey()).isEqualTo("plan.reason.length");
        assertThat(length.reasonArgs()).containsExactly("DRYDOCK", "155");
        Schedule.Unassigned cert = only(Problems.example("\"certifications\":[\"MSRA\"]", "\"certifications\":[]"));
        assertThat(cert.reasonKey()).isEqualTo("plan.reason.certification");
        assertThat(cert.reason()).contains("[MSRA]");
        Schedule.Unassigned kind = only(Problems.example("\"kind\":\"DRYDOCK\"", "\"kind\":\"PIER\""));
        assertThat(kind.reasonKey()).isEqualTo("plan.reason.kind");
        assertThat(kind.reason()).isEqualTo("no resource of kind DRYDOCK");
    }

    @Test
    void closedPeriodsThatLeaveNoSlotAreNamedNotTheHorizon() {
        Schedule.Unassigned u = only(Problems.example("\"closed\":[{\"start\":\"2027-04-29\",\"end\":\"2027-05-05\"}]",
                "\"closed\":[{\"start\":\"2027-03-01\",\"end\":\"2027-03-01\"},"
                        + "{\"start\":\"2027-06-20\",\"end\":\"2027-06-20\"},"
                        + "{\"start\":\"2027-10-15\",\"end\":\"2027-10-15\"}]"));
        assertThat(u.reasonKey()).isEqualTo("plan.reason.closed");
        assertThat(u.reasonArgs()).containsExactly("F1-DD1", "120");
        assertThat(u.reason()).doesNotContain("no room in the horizon");
    }

    @Test
    void capacityTakenByAHigherPriorityJobNamesThatJob() {
        // both jobs fit only after the closure (05-06..12-31, 240 days): 120 + 230 days do not; J2 has priority 5
        ScheduleProblem p = Problems.example("\"jobs\":[", "\"jobs\":[{\"id\":\"J2\",\"flagNation\":\"JPN\","
                + "\"resourceKinds\":[\"DRYDOCK\"],\"durationDays\":230,\"earliestStart\":\"2027-01-01\","
                + "\"dueDate\":\"2027-12-31\",\"priority\":5},");
        for (RepairScheduler engine : List.of(exact, RepairScheduler.create())) {
            Schedule s = engine.solve(p, Duration.ofSeconds(5), x -> { });
            assertThat(s.status()).isEqualTo(Schedule.Status.OPTIMAL);
            assertThat(s.unassigned()).singleElement().satisfies(u -> {
                assertThat(u.job()).isEqualTo("J1");
                assertThat(u.reasonKey()).isEqualTo("plan.reason.capacity");
                assertThat(u.reasonArgs()).containsExactly("F1-DD1", "2027-02-01", "2027-12-31", "J2");
                assertThat(u.reason()).contains("J2").doesNotContain("no room in the horizon");
            });
        }
    }

    @Test
    void aJobLongerThanTheHorizonHasNoRoomInIt() {
        Schedule.Unassigned u = only(Problems.example("\"durationDays\":120", "\"durationDays\":400"));
        assertThat(u.reasonKey()).isEqualTo("plan.reason.horizon");
    }

    @Test
    void everyReasonReadsInEnglishAndJapaneseWithTheSameArguments() throws IOException {
        Properties en = bundle("messages.properties");
        Properties ja = bundle("messages_ja.properties");
        for (String key : List.of(UnassignedReason.KIND, UnassignedReason.LENGTH, UnassignedReason.CERTIFICATION,
                UnassignedReason.FOREIGN_REPAIR, UnassignedReason.HORIZON, UnassignedReason.CLOSED,
                UnassignedReason.CAPACITY, UnassignedReason.NOT_PLACED)) {
            assertThat(en.getProperty(key)).as(key).isNotBlank();
            assertThat(ja.getProperty(key)).as(key).isNotBlank().isNotEqualTo(en.getProperty(key));
            assertThat(new MessageFormat(ja.getProperty(key), Locale.JAPANESE).getFormats())
                    .as(key).hasSameSizeAs(new MessageFormat(en.getProperty(key), Locale.ROOT).getFormats());
        }
    }

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = UnassignedReasonsTest.class.getResourceAsStream("/messages/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
