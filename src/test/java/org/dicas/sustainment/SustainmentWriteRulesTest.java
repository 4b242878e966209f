package org.dicas.sustainment;

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
import org.dicas.support.RuleTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may change sustainment data, one table: users × facilities, jobs, pins and planning runs → allowed, or
 * rejected with the rule's code.
 */
class SustainmentWriteRulesTest {

    static final long SAKURA = 7, PACIFIC = 4;

    static DicasUser user(String name, String nation, OrganizationKind kind, long org, Role role) {
        return new DicasUser(org * 100 + name.length(), name, name, NationCode.of(nation), org, "org" + org, kind,
                AccessLevel.CUI, Set.of(role), Set.of("WG-SHIP"), Optional.empty());
    }

    static final DicasUser US_GOV = user("us.acq", "USA", OrganizationKind.GOVERNMENT, 2, Role.ACQUISITION);
    static final DicasUser JP_MILITARY = user("jp.msdf", "JPN", OrganizationKind.MILITARY_SERVICE, 6, Role.SERVICE);
    static final DicasUser SAKURA_INDUSTRY = user("jp.industry", "JPN", OrganizationKind.COMPANY, SAKURA, Role.INDUSTRY);
    static final DicasUser PACIFIC_INDUSTRY = user("us.industry", "USA", OrganizationKind.COMPANY, PACIFIC, Role.INDUSTRY);
    static final DicasUser ASSOCIATION = user("guest", "GBR", OrganizationKind.ASSOCIATION, 9, Role.POLICY);

    static final Marking PROPIN = Marking.parse("CUI//PROPIN");
    static final Marking SHARED = Marking.parse("CUI//REL TO USA, JPN");

    static RepairFacility facility(Marking marking, Long owner) {
        return new RepairFacility(1, marking, "YARD-1", "Yard", "JPN", List.of(), List.of(), List.of(), null, null,
                owner, 1);
    }

    static final RepairFacility SAKURA_YARD = facility(PROPIN, SAKURA);
    static final RepairFacility PACIFIC_YARD = facility(Marking.parse("UNCLASSIFIED//PROPIN"), PACIFIC);
    static final RepairFacility GOVERNMENT_YARD = facility(SHARED, null);

    static Function<DicasUser, WriteDecision> register(Marking marking, Long owner) {
        return u -> SustainmentWriteRules.registerFacility(u, marking, owner);
    }

    static Function<DicasUser, WriteDecision> change(RepairFacility current, Marking marking, Long owner) {
        return u -> SustainmentWriteRules.changeFacility(u, current, marking, owner);
    }

    static final Function<DicasUser, WriteDecision> FACILITY_FORM = SustainmentWriteRules::registerFacility;
    static final String ALLOWED = RuleTable.ALLOWED;
    static final String WRITERS = SustainmentWriteRules.FACILITY_WRITERS_ONLY;
    static final String OWN_PROPIN = SustainmentWriteRules.OWN_PROPIN_ONLY;
    static final String GOVERNMENT = SustainmentWriteRules.GOVERNMENT_ONLY;

    static Stream<Arguments> table() {
        Stream<Arguments> facilities = Stream.of(
                // the new-facility form: government users, and industry users for their own data
                Arguments.of("facility form: government", US_GOV, FACILITY_FORM, ALLOWED),
                Arguments.of("facility form: military service", JP_MILITARY, FACILITY_FORM, ALLOWED),
                Arguments.of("facility form: industry (own PROPIN data)", SAKURA_INDUSTRY, FACILITY_FORM, ALLOWED),
                Arguments.of("facility form: association refused", ASSOCIATION, FACILITY_FORM, WRITERS),
                // registering one facility
                Arguments.of("register: government, shared data", US_GOV, register(SHARED, null), ALLOWED),
                Arguments.of("register: government, another company's PROPIN data", US_GOV, register(PROPIN, PACIFIC),
                        ALLOWED),
                Arguments.of("register: industry, own PROPIN data", SAKURA_INDUSTRY, register(PROPIN, null), ALLOWED),
                Arguments.of("register: industry, naming its own company", SAKURA_INDUSTRY, register(PROPIN, SAKURA),
                        ALLOWED),
                Arguments.of("register: industry, another company's data refused", SAKURA_INDUSTRY,
                        register(PROPIN, PACIFIC), OWN_PROPIN),
                Arguments.of("register: industry, data not marked PROPIN refused", SAKURA_INDUSTRY,
                        register(SHARED, null), OWN_PROPIN),
                Arguments.of("register: association refused", ASSOCIATION, register(PROPIN, null), OWN_PROPIN),
                // changing one facility
                Arguments.of("change: government, any facility", US_GOV, change(SAKURA_YARD, SHARED, null), ALLOWED),
                Arguments.of("change: military service, any facility", JP_MILITARY, change(PACIFIC_YARD, PROPIN, SAKURA),
                        ALLOWED),
                Arguments.of("change: industry, own facility", SAKURA_INDUSTRY, change(SAKURA_YARD, PROPIN, null),
                        ALLOWED),
                Arguments.of("change: industry, own facility no longer PROPIN refused", SAKURA_INDUSTRY,
                        change(SAKURA_YARD, SHARED, null), OWN_PROPIN),
                Arguments.of("change: industry, handing it to another company refused", SAKURA_INDUSTRY,
                        change(SAKURA_YARD, PROPIN, PACIFIC), OWN_PROPIN),
                Arguments.of("change: industry, another company's facility refused", SAKURA_INDUSTRY,
                        change(PACIFIC_YARD, PROPIN, null), OWN_PROPIN),
                Arguments.of("change: industry, another company's facility claimed as own refused", PACIFIC_INDUSTRY,
                        change(SAKURA_YARD, PROPIN, PACIFIC), OWN_PROPIN),
                // kept as it was (reported): a facility no company owns may be re-marked as the industry user's own
                Arguments.of("change: industry, unowned facility made own PROPIN data (existing rule)", SAKURA_INDUSTRY,
                        change(GOVERNMENT_YARD, PROPIN, null), ALLOWED),
                Arguments.of("change: association refused", ASSOCIATION, change(GOVERNMENT_YARD, PROPIN, null),
                        OWN_PROPIN));
        // jobs, pins and planning runs: government users (a military service is government)
        Stream<Arguments> governmentOnly = Stream.of(
                governmentOnly("create job", SustainmentWriteRules::createJob),
                governmentOnly("change job", SustainmentWriteRules::changeJob),
                governmentOnly("pin or unpin job", SustainmentWriteRules::pinJob),
                governmentOnly("start planning run", SustainmentWriteRules::startPlanningRun),
                governmentOnly("stop planning run", SustainmentWriteRules::stopPlanningRun)).flatMap(x -> x);
        return Stream.concat(facilities, governmentOnly);
    }

    static Stream<Arguments> governmentOnly(String action, Function<DicasUser, WriteDecision> rule) {
        return Stream.of(
                Arguments.of(action + ": government", US_GOV, rule, ALLOWED),
                Arguments.of(action + ": military service", JP_MILITARY, rule, ALLOWED),
                Arguments.of(action + ": industry refused", SAKURA_INDUSTRY, rule, GOVERNMENT),
                Arguments.of(action + ": association refused", ASSOCIATION, rule, GOVERNMENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesWhoChangesSustainmentData(String name, DicasUser user, Function<DicasUser, WriteDecision> rule,
                                          String expected) {
        RuleTable.assertDecision(rule.apply(user), expected);
    }
}
