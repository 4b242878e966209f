package org.dicas.sustainment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.dicas.sustainment.ForeignRepairRule.AssetType;
import org.dicas.sustainment.ForeignRepairRule.Condition;
import org.dicas.sustainment.ForeignRepairRule.Decision;
import org.dicas.sustainment.ForeignRepairRule.Input;
import org.junit.jupiter.api.Test;

/** The foreign-repair rule, one condition at a time; plain JUnit. */
class ForeignRepairRuleTest {

    static final LocalDate START = LocalDate.of(2027, 3, 1);

    /** A forward-deployed U.S. ship, 60 days, not due home: allowed unless a test changes one input. */
    static Input ship(boolean forwardDeployed, int days, LocalDate dueHome, boolean voyage) {
        return new Input("USA", "JPN", AssetType.SHIP, forwardDeployed, days, dueHome, START, null, voyage);
    }

    static Condition condition(Decision d, String code) {
        return d.conditions().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void forwardDeployedShortJobNotDueHomeMayGoToAForeignYard() {
        Decision d = ForeignRepairRule.decide(ship(true, 60, null, false));
        assertThat(d.allowed()).isTrue();
        assertThat(d.foreign()).isTrue();
        assertThat(d.conditions()).extracting(Condition::code)
                .containsExactly("VOYAGE_REPAIR", "FORWARD_DEPLOYED", "UNDER_SIX_MONTHS", "NOT_DUE_HOME");
        assertThat(condition(d, "VOYAGE_REPAIR").met()).isFalse();
    }

    @Test
    void shipNotForwardDeployedMayNotGoToAForeignYard() {
        Decision d = ForeignRepairRule.decide(ship(false, 60, null, false));
        assertThat(d.allowed()).isFalse();
        assertThat(condition(d, "FORWARD_DEPLOYED").met()).isFalse();
        assertThat(condition(d, "FORWARD_DEPLOYED").reason().english()).contains("not forward deployed");
    }

    @Test
    void jobOfSixMonthsOrMoreMayNotGoToAForeignYard() {
        Decision atLimit = ForeignRepairRule.decide(ship(true, 183, null, false));
        assertThat(atLimit.allowed()).isFalse();
        assertThat(condition(atLimit, "UNDER_SIX_MONTHS").met()).isFalse();
        assertThat(condition(atLimit, "UNDER_SIX_MONTHS").reason().english()).contains("183 days");
        assertThat(ForeignRepairRule.decide(ship(true, 182, null, false)).allowed()).isTrue();
    }

    @Test
    void plannedFinishLongerThanTheDurationCountsForTheSixMonths() {
        Decision d = ForeignRepairRule.decide(new Input("USA", "JPN", AssetType.SHIP, true, 60, null, START,
                START.plusDays(200), false));
        assertThat(condition(d, "UNDER_SIX_MONTHS").met()).isFalse();
        assertThat(d.allowed()).isFalse();
    }

    @Test
    void shipDueHomeWithinFifteenMonthsOfTheStartMayNotGoToAForeignYard() {
        Decision d = ForeignRepairRule.decide(ship(true, 60, START.plusMonths(15), false));
        assertThat(d.allowed()).isFalse();
        assertThat(condition(d, "NOT_DUE_HOME").met()).isFalse();
        assertThat(condition(d, "NOT_DUE_HOME").reason().english()).contains("within 15 months");
        assertThat(ForeignRepairRule.decide(ship(true, 60, START.plusMonths(15).plusDays(1), false)).allowed()).isTrue();
    }

    @Test
    void voyageRepairMayGoToAForeignYardWhateverTheOtherConditions() {
        Decision d = ForeignRepairRule.decide(ship(false, 400, START.plusMonths(1), true));
        assertThat(d.allowed()).isTrue();
        assertThat(condition(d, "VOYAGE_REPAIR").met()).isTrue();
        assertThat(d.summary().english()).contains("voyage repair");
    }

    @Test
    void yardInTheFlagNationIsNotForeignRepair() {
        Decision d = ForeignRepairRule.decide(new Input("USA", "USA", AssetType.SHIP, false, 400, START, START, null,
                false));
        assertThat(d.allowed()).isTrue();
        assertThat(d.foreign()).isFalse();
        assertThat(d.conditions()).extracting(Condition::code).containsExactly("DOMESTIC");
    }

    @Test
    void theUsLimitDoesNotApplyToAnotherFlagNation() {
        Decision d = ForeignRepairRule.decide(new Input("JPN", "foreign", AssetType.SHIP, false, 400, null, START, null,
                false));
        assertThat(d.allowed()).isTrue();
        assertThat(d.conditions()).extracting(Condition::code).containsExactly("NOT_US_FLAG");
    }

    @Test
    void forwardDeployedAircraftMayGoToAForeignDepotAndOthersMayNot() {
        Decision deployed = ForeignRepairRule.decide(new Input("USA", "JPN", AssetType.AIRCRAFT, true, 400,
                START.plusMonths(1), START, null, false));
        assertThat(deployed.allowed()).isTrue();
        assertThat(deployed.conditions()).extracting(Condition::code).containsExactly("FORWARD_DEPLOYED");
        Decision home = ForeignRepairRule.decide(new Input("USA", "JPN", AssetType.AIRCRAFT, false, 10, null, START,
                null, true));
        assertThat(home.allowed()).isFalse();
    }

    @Test
    void hangarOnlyWorkIsAircraftWorkAndAnythingWithADockOrPierIsShipWork() {
        assertThat(AssetType.ofResourceKinds(java.util.List.of("HANGAR"))).isEqualTo(AssetType.AIRCRAFT);
        assertThat(AssetType.ofResourceKinds(java.util.List.of("DRYDOCK", "PIER"))).isEqualTo(AssetType.SHIP);
        assertThat(AssetType.ofResourceKinds(java.util.List.of("PIER", "HANGAR"))).isEqualTo(AssetType.SHIP);
    }
}
