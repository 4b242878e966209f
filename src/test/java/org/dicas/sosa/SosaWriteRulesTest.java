package org.dicas.sosa;

import org.dicas.shared.Sentences;
import java.util.Locale;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dicas.security.DicasUser;
import org.dicas.security.OrganizationKind;
import org.dicas.security.Role;
import org.dicas.security.WriteDecision;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.sosa.SosaRequest.Status;
import org.dicas.support.RuleTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may take which step of a SoSA request, one table: users × steps → allowed, or rejected with the rule's code. */
class SosaWriteRulesTest {

    static DicasUser user(String name, String nation, OrganizationKind kind, Role role) {
        return new DicasUser(name.hashCode(), name, name, NationCode.of(nation), name.length(), name + " org", kind,
                AccessLevel.CUI, Set.of(role), Set.of("PLENARY"), Optional.empty());
    }

    static final DicasUser JP_GOV = user("jp.atla", "JPN", OrganizationKind.GOVERNMENT, Role.ACQUISITION);
    static final DicasUser JP_MILITARY = user("jp.msdf", "JPN", OrganizationKind.MILITARY_SERVICE, Role.SERVICE);
    static final DicasUser JP_INDUSTRY = user("jp.industry", "JPN", OrganizationKind.COMPANY, Role.INDUSTRY);
    static final DicasUser US_GOV = user("us.acq", "USA", OrganizationKind.GOVERNMENT, Role.ACQUISITION);
    static final DicasUser US_MILITARY = user("us.navy", "USA", OrganizationKind.MILITARY_SERVICE, Role.SERVICE);
    static final DicasUser US_INDUSTRY = user("us.industry", "USA", OrganizationKind.COMPANY, Role.INDUSTRY);
    static final DicasUser AU_GOV = user("au.dod", "AUS", OrganizationKind.GOVERNMENT, Role.POLICY);
    static final DicasUser ASSOCIATION = user("guest", "GBR", OrganizationKind.ASSOCIATION, Role.POLICY);

    /** A request from Japan to the USA's SoSA office, in the given status. */
    static SosaRequest jpnToUsa(Status status) {
        return new SosaRequest(1, Marking.parse("CUI//REL TO USA, JPN"), status, "JPN", "USA", "AMRAAM", "Igniter", null,
                "Firm", 10, LocalDate.of(2030, 1, 1), "why", JP_GOV.id(), JP_GOV.displayName(), Instant.EPOCH, null,
                null, null, 0, 0, false, List.of(), List.of());
    }

    static final SosaRequest SUBMITTED = jpnToUsa(Status.SUBMITTED);
    static final SosaRequest ACKNOWLEDGED = jpnToUsa(Status.ACKNOWLEDGED);
    static final SosaRequest RESPONDED = jpnToUsa(Status.RESPONDED);

    static Function<DicasUser, WriteDecision> acknowledge(SosaRequest r) {
        return u -> SosaWriteRules.acknowledgeRequest(u, r);
    }

    static Function<DicasUser, WriteDecision> answer(SosaRequest r) {
        return u -> SosaWriteRules.answerRequest(u, r);
    }

    static Function<DicasUser, WriteDecision> close(SosaRequest r) {
        return u -> SosaWriteRules.closeRequest(u, r);
    }

    static final Function<DicasUser, WriteDecision> SUBMIT = SosaWriteRules::submitRequest;
    static final String ALLOWED = RuleTable.ALLOWED;

    static Stream<Arguments> table() {
        return Stream.of(
                // submit: government users of any nation (a military service is government)
                Arguments.of("submit: government", JP_GOV, SUBMIT, ALLOWED),
                Arguments.of("submit: military service", JP_MILITARY, SUBMIT, ALLOWED),
                Arguments.of("submit: government of a third nation", AU_GOV, SUBMIT, ALLOWED),
                Arguments.of("submit: industry refused", JP_INDUSTRY, SUBMIT, SosaWriteRules.GOVERNMENT_ONLY),
                Arguments.of("submit: association refused", ASSOCIATION, SUBMIT, SosaWriteRules.GOVERNMENT_ONLY),
                // acknowledge: government of the receiving nation
                Arguments.of("acknowledge: receiving government", US_GOV, acknowledge(SUBMITTED), ALLOWED),
                Arguments.of("acknowledge: receiving military service", US_MILITARY, acknowledge(SUBMITTED), ALLOWED),
                Arguments.of("acknowledge: requesting government refused", JP_GOV, acknowledge(SUBMITTED),
                        SosaWriteRules.RECEIVING_NATION_ONLY),
                Arguments.of("acknowledge: receiving nation's industry refused", US_INDUSTRY, acknowledge(SUBMITTED),
                        SosaWriteRules.RECEIVING_NATION_ONLY),
                Arguments.of("acknowledge: third nation refused", AU_GOV, acknowledge(SUBMITTED),
                        SosaWriteRules.RECEIVING_NATION_ONLY),
                // record the firm's response: government of the receiving nation
                Arguments.of("answer: receiving government", US_GOV, answer(ACKNOWLEDGED), ALLOWED),
                Arguments.of("answer: requesting government refused", JP_GOV, answer(ACKNOWLEDGED),
                        SosaWriteRules.RECEIVING_NATION_ONLY),
                Arguments.of("answer: receiving nation's industry refused", US_INDUSTRY, answer(ACKNOWLEDGED),
                        SosaWriteRules.RECEIVING_NATION_ONLY),
                // close: government of the requesting nation
                Arguments.of("close: requesting government", JP_GOV, close(RESPONDED), ALLOWED),
                Arguments.of("close: requesting military service", JP_MILITARY, close(RESPONDED), ALLOWED),
                Arguments.of("close: receiving government refused", US_GOV, close(RESPONDED),
                        SosaWriteRules.REQUESTING_NATION_ONLY),
                Arguments.of("close: requesting nation's industry refused", JP_INDUSTRY, close(RESPONDED),
                        SosaWriteRules.REQUESTING_NATION_ONLY),
                Arguments.of("close: association refused", ASSOCIATION, close(RESPONDED),
                        SosaWriteRules.REQUESTING_NATION_ONLY),
                // the status is not a permission: the service refuses a wrong step naming status, not "forbidden"
                Arguments.of("status aside: requesting government may close (service checks status)", JP_GOV,
                        close(SUBMITTED), ALLOWED),
                Arguments.of("status aside: receiving government may not close whatever the status", US_GOV,
                        close(SUBMITTED), SosaWriteRules.REQUESTING_NATION_ONLY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesWhoTakesWhichStep(String name, DicasUser user, Function<DicasUser, WriteDecision> rule,
                                  String expected) {
        RuleTable.assertDecision(rule.apply(user), expected);
    }

    @Test
    void theReasonNamesTheNationThatMayActInTheReadersLanguage() {
        assertThat(SosaWriteRules.acknowledgeRequest(JP_GOV, SUBMITTED).reason()).isEqualTo(
                "Only a government user of the receiving nation (United States) acknowledges this request and records"
                        + " the firm's response.");
        assertThat(SosaWriteRules.answerRequest(JP_GOV, ACKNOWLEDGED).reason())
                .isEqualTo(SosaWriteRules.acknowledgeRequest(JP_GOV, SUBMITTED).reason());
        assertThat(SosaWriteRules.closeRequest(US_GOV, RESPONDED).reason())
                .isEqualTo("Only a government user of the requesting nation (Japan) closes this request.");
        assertThat(Sentences.render(SosaWriteRules.closeRequest(US_GOV, RESPONDED).sentence(), Locale.JAPANESE))
                .isEqualTo("この要請を完了できるのは、要請国（日本）の政府職員だけです。");
    }
}
