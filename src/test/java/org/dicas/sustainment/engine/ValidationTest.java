package org.dicas.sustainment.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every bad-input case is refused with a one-line reason naming the record; eligibility reasons. */
class ValidationTest {

    final RepairScheduler scheduler = RepairScheduler.create();

    void refused(String from, String to, String message) {
        assertThatThrownBy(() -> scheduler.validate(Problems.example(from, to)))
                .isInstanceOf(ScheduleException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void zeroAndNegativeDurations() {
        refused("\"durationDays\":120", "\"durationDays\":0", "job J1: durationDays must be positive");
        refused("\"durationDays\":120", "\"durationDays\":-3", "job J1: durationDays must be positive");
    }

    @Test
    void unknownResourceKinds() {
        refused("\"kind\":\"DRYDOCK\"", "\"kind\":\"DOCK\"", "resource F1-DD1 of facility F1: unknown kind 'DOCK'");
        refused("\"resourceKinds\":[\"DRYDOCK\"]", "\"resourceKinds\":[\"SLIPWAY\"]",
                "job J1: unknown resource kind 'SLIPWAY'");
    }

    @Test
    void datesOutOfOrder() {
        refused("\"end\":\"2027-12-31\"", "\"end\":\"2026-12-31\"", "horizon: end Thu 31 Dec 2026 is before start Fri 1 Jan 2027");
        refused("\"end\":\"2027-05-05\"", "\"end\":\"2027-04-01\"", "facility F1: closed period");
    }

    @Test
    void earliestStartAfterTheHorizonIsUnassignedNotRefused() {
        ScheduleProblem p = Problems.example("\"earliestStart\":\"2027-02-01\"", "\"earliestStart\":\"2028-02-01\"");
        scheduler.validate(p);
        Schedule s = scheduler.greedy(p);
        assertThat(s.unassigned()).containsExactly(new Schedule.Unassigned("J1", "no room in the horizon",
                "plan.reason.horizon", List.of()));
    }

    @Test
    void duplicateIds() {
        refused("\"jobs\":[", "\"jobs\":[{\"id\":\"J1\",\"resourceKinds\":[\"PIER\"],\"durationDays\":3},",
                "job J1: duplicate job id");
        refused("\"facilities\":[", "\"facilities\":[{\"id\":\"F1\"},", "facility F1: duplicate facility id");
        refused("{\"id\":\"F1-DD1\",\"kind\":\"DRYDOCK\",\"maxLengthM\":250}",
                "{\"id\":\"F1-DD1\",\"kind\":\"DRYDOCK\"},{\"id\":\"F1-DD1\",\"kind\":\"PIER\"}",
                "resource F1-DD1 of facility F1: duplicate resource id");
    }

    @Test
    void unknownFieldsAndWrongTypes() {
        refused("\"priority\":3", "\"priority\":3,\"colour\":\"grey\"", "job J1: unknown field 'colour'");
        refused("\"horizon\":", "\"extra\":1,\"horizon\":", "problem: unknown field 'extra'");
        refused("\"priority\":3", "\"priority\":\"high\"", "job J1: priority must be a whole number");
        refused("\"durationDays\":120", "\"durationDays\":1.5", "job J1: durationDays must be a whole number");
        refused("\"maxLengthM\":250", "\"maxLengthM\":\"long\"", "resource F1-DD1 of facility F1: maxLengthM");
        refused("\"dueDate\":\"2027-06-30\"", "\"dueDate\":\"30/06/2027\"", "job J1: dueDate must be a date");
        refused("\"foreignRepairAllowed\":true", "\"foreignRepairAllowed\":\"yes\"", "job J1: foreignRepairAllowed");
        refused("\"certifications\":[\"MSRA\"]", "\"certifications\":\"MSRA\"", "facility F1: certifications");
        refused("\"durationDays\":120,", "", "job J1: durationDays is required");
    }

    @Test
    void malformedJson() {
        assertThatThrownBy(() -> Problems.read("{\"horizon\": {"))
                .isInstanceOf(ScheduleException.class).hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> Problems.read("[1,2]"))
                .isInstanceOf(ScheduleException.class).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> Problems.read("{\"jobs\":[],\"jobs\":[]}"))
                .isInstanceOf(ScheduleException.class).hasMessageStartingWith("malformed JSON");
    }

    @Test
    void otherBadValues() {
        refused("\"priority\":3", "\"priority\":-1", "job J1: priority must not be negative");
        refused("\"lengthM\":155", "\"lengthM\":-155", "job J1: lengthM must be a positive number");
        refused("\"horizon\":{\"start\":\"2027-01-01\",", "\"horizon\":{", "horizon: start is required");
    }

    @Test
    void eligibilityReasonsNameTheExcludingRule() {
        assertThat(reason("\"maxLengthM\":250", "\"maxLengthM\":150"))
                .isEqualTo("no resource of kind DRYDOCK long enough (155 m)");
        assertThat(reason("\"kind\":\"DRYDOCK\"", "\"kind\":\"PIER\"")).isEqualTo("no resource of kind DRYDOCK");
        assertThat(reason("\"certifications\":[\"MSRA\"]", "\"certifications\":[]"))
                .startsWith("requires certifications [MSRA]");
        assertThat(reason("\"foreignRepairAllowed\":true", "\"foreignRepairAllowed\":false"))
                .startsWith("foreign repair not allowed");
        assertThat(reason("\"durationDays\":120", "\"durationDays\":400")).isEqualTo("no room in the horizon");
    }

    String reason(String from, String to) {
        Schedule s = scheduler.greedy(Problems.example(from, to));
        assertThat(s.assignments()).isEmpty();
        return s.unassigned().get(0).reason();
    }

    ScheduleProblem withPin(String resource, String start) {
        ScheduleProblem p = Problems.read(Problems.EXAMPLE);
        return new ScheduleProblem(p.horizon(), p.facilities(), p.jobs(),
                List.of(new ScheduleProblem.Pin("J1", resource, LocalDate.parse(start))));
    }

    @Test
    void pinsAreKeptAndBadPinsRefused() {
        Schedule s = scheduler.solve(withPin("F1-DD1", "2027-06-01"), java.time.Duration.ofMillis(200), x -> { });
        assertThat(s.assignments().get(0).start()).isEqualTo(LocalDate.parse("2027-06-01"));
        assertThatThrownBy(() -> scheduler.validate(withPin("F1-DD1", "2027-04-01")))
                .isInstanceOf(ScheduleException.class).hasMessageContaining("pin of job J1: facility F1 is closed");
        assertThatThrownBy(() -> scheduler.validate(withPin("F1-DD1", "2027-01-15")))
                .isInstanceOf(ScheduleException.class).hasMessageContaining("pin of job J1: start");
        assertThatThrownBy(() -> scheduler.validate(withPin("NOPE", "2027-06-01")))
                .isInstanceOf(ScheduleException.class).hasMessageContaining("pin of job J1: unknown resource");
        assertThatThrownBy(() -> scheduler.validate(Problems.read(Problems.EXAMPLE.replace("\"jobs\":",
                        "\"pinned\":[{\"job\":\"J9\",\"resource\":\"F1-DD1\",\"start\":\"2027-06-01\"}],\"jobs\":"))))
                .isInstanceOf(ScheduleException.class).hasMessageContaining("pin of job J9: unknown job");
    }
}
