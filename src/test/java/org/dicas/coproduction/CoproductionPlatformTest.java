package org.dicas.coproduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dicas.PlatformTest;
import org.dicas.coproduction.engine.CoproductionProblem;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.ExportAuthorization;
import org.dicas.security.ExportAuthorizations;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.ExportControl;
import org.dicas.shared.StaleVersionException;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Paging;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The demo co-production plan on the real platform: who sees it (hidden is not found), demands from the requirements
 * the reader may read, what-ifs becoming capacity changes in the problem, and a bad what-if refused with nothing saved.
 */
@PlatformTest
class CoproductionPlatformTest {

    @Autowired
    CoproductionPlans plans;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExportAuthorizations authorizations;

    DicasUser user(String name) {
        return directory.userByUsername(name).orElseThrow();
    }

    long demoPlan() {
        // the demo plan is the first plan created (lowest id); the list sorts by name, and other tests add plans
        return plans.list(user("us.acq"), new Paging(1, Paging.MAX_SIZE)).items().stream()
                .mapToLong(CoproductionPlan::id).min().orElseThrow();
    }

    @Test
    void theDemoPlanTakesItsDemandsFromTheRequirementsOfBothNations() {
        CoproductionPlan plan = plans.get(user("jp.atla"), demoPlan());
        assertThat(plan.firstYear()).isEqualTo(2027);
        assertThat(plan.demands()).extracting(CoproductionPlan.Demand::nation).contains("USA", "JPN");
        assertThat(plan.demands()).allMatch(d -> d.period() >= 1 && d.period() <= plan.periods());
        assertThat(plan.components()).extracting(CoproductionPlan.Component::code).containsExactly("SRM", "SKR");
        assertThat(plan.components().get(0).supplyNodeTitle()).as("linked to the supply network's rocket motors")
                .isNotNull();
    }

    @Test
    void aNationOutsideTheReleaseDoesNotFindThePlan() {
        long id = demoPlan();
        assertThat(plans.find(id, user("au.dod"))).isEmpty();
        assertThatThrownBy(() -> plans.get(user("au.dod"), id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void whatIfsChangeTheProblemAndNothingElse() {
        long id = demoPlan();
        DicasUser us = user("us.acq");
        CoproductionProblem base = plans.problem(us, id, Optional.empty());
        CoproductionProblem disrupted = plans.problem(us, id,
                Optional.of(new WhatIf(WhatIf.Kind.DISRUPT_COMPONENT, "SRM", 80)));
        assertThat(disrupted.components().get(0).capacity()).containsExactly(180, 220, 260, 300);
        assertThat(disrupted.lines()).isEqualTo(base.lines());
        CoproductionProblem more = plans.problem(us, id,
                Optional.of(new WhatIf(WhatIf.Kind.ADD_LINE_CAPACITY, "PAC-JP-1", 10)));
        assertThat(more.lines().get(1).capacity()).containsExactly(70, 130, 190, 250);
        assertThat(base.transfers()).noneMatch(t -> t.from().equals("JPN"));
        CoproductionProblem transfer = plans.problem(us, id,
                Optional.of(new WhatIf(WhatIf.Kind.ALLOW_TRANSFER, "2", 0)));
        assertThat(transfer.transfers()).anyMatch(t -> t.from().equals("JPN") && t.to().equals("USA"));
    }

    @Test
    void aDisruptedCountryBecomesACapacityLossOfTheComponentsSuppliedFromThere() {
        long id = demoPlan();
        DicasUser us = user("us.acq");
        assertThat(plans.get(us, id).supplyCountries()).containsExactly("JPN", "USA");
        CoproductionProblem base = plans.problem(us, id, Optional.empty());
        CoproductionProblem japanDown = plans.problem(us, id,
                Optional.of(new WhatIf(WhatIf.Kind.DISRUPT_COUNTRY, "JPN", 100)));
        assertThat(japanDown.components().get(0)).as("rocket motors from the U.S. node").isEqualTo(
                base.components().get(0));
        assertThat(japanDown.components().get(1).capacity()).as("seekers from the Japanese node")
                .containsOnly(0);
    }

    @Test
    void aWhatIfNamingNothingOfThePlanIsRefused() {
        long id = demoPlan();
        assertThatThrownBy(() -> plans.problem(user("us.acq"), id,
                Optional.of(new WhatIf(WhatIf.Kind.DISRUPT_COMPONENT, "NOPE", 50))))
                .isInstanceOf(InvalidInputException.class);
    }

    long planWithTransfer(String name, String authorizationNumber) {
        DicasUser us = user("us.acq");
        return plans.create(us, new CoproductionPlans.NewPlan(name, "CUI//REL TO USA, JPN", 2027, 2,
                List.of(new CoproductionPlans.LineCommand("L-US", "USA", "P", List.of(10, 10), BigDecimal.ONE, null,
                                null),
                        new CoproductionPlans.LineCommand("L-JP", "JPN", "P", List.of(1, 1), BigDecimal.TEN, null,
                                null)),
                List.of(), List.of(new CoproductionPlans.TransferCommand("USA", "JPN", List.of("P"), false,
                        authorizationNumber)), List.of()));
    }

    ExportAuthorization licence(String number, List<String> nations, LocalDate from, LocalDate to) {
        return authorizations.issue(user("us.fdo"), new ExportAuthorizations.Command(number,
                ExportAuthorization.Kind.LICENCE, ExportControl.Regime.ITAR, nations, List.of(), from, to, ""));
    }

    @Test
    void aTransferFollowsItsExportAuthorizationAndIsDroppedOnceItEnds() {
        LocalDate today = LocalDate.now();
        ExportAuthorization active = licence("CP-TEST-ACTIVE", List.of("JPN"), today.minusDays(10),
                today.plusYears(1));
        long id = planWithTransfer("follows an active licence", active.number());
        DicasUser us = user("us.acq");
        CoproductionPlan.Transfer t = plans.get(us, id).transfers().get(0);
        assertThat(t.state()).isEqualTo(CoproductionPlan.TransferState.IN_FORCE);
        assertThat(t.authorizationNumber()).isEqualTo("CP-TEST-ACTIVE");
        assertThat(plans.runInput(us, id, Optional.empty()).problem().transfers()).hasSize(1);

        // the officer ends the licence yesterday (a revocation): the next run leaves the transfer out and says why
        authorizations.change(user("us.fdo"), active.id(), new ExpectedVersion(active.version()),
                new ExportAuthorizations.Command(active.number(), active.kind(), active.regime(), List.of("JPN"),
                        List.of(), active.validFrom(), today.minusDays(1), "revoked"));
        CoproductionPlans.RunInput input = plans.runInput(us, id, Optional.empty());
        assertThat(input.problem().transfers()).isEmpty();
        assertThat(input.dropped()).singleElement().extracting(CoproductionPlan.Transfer::state)
                .isEqualTo(CoproductionPlan.TransferState.AUTHORIZATION_EXPIRED);
        assertThat(input.dropped().get(0).stateDay()).isEqualTo(today.minusDays(1));
        // a what-if may still ask what the renewed licence would give
        assertThat(plans.runInput(us, id, Optional.of(new WhatIf(WhatIf.Kind.ALLOW_TRANSFER, "1", 0))).problem()
                .transfers()).hasSize(1);
    }

    @Test
    void aTransferWhoseAuthorizationDoesNotCoverTheReceivingNationOrIsNotYetValidIsNotInForce() {
        LocalDate today = LocalDate.now();
        licence("CP-TEST-AUS", List.of("AUS"), today.minusDays(1), today.plusDays(30));
        licence("CP-TEST-LATER", List.of("JPN"), today.plusDays(30), today.plusDays(60));
        DicasUser us = user("us.acq");
        assertThat(plans.get(us, planWithTransfer("covers Australia only", "CP-TEST-AUS")).transfers().get(0).state())
                .isEqualTo(CoproductionPlan.TransferState.AUTHORIZATION_NOT_COVERING);
        assertThat(plans.get(us, planWithTransfer("valid later", "CP-TEST-LATER")).transfers().get(0).state())
                .isEqualTo(CoproductionPlan.TransferState.AUTHORIZATION_NOT_YET_VALID);
    }

    @Test
    void aTransferNamingAnAuthorizationTheExportingNationDidNotIssueIsRefusedAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from coproduction_plan").query(Long.class).single();
        assertThatThrownBy(() -> planWithTransfer("no such licence", "NOPE-1"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("authorizationNumber"));
        assertThat(jdbc.sql("select count(*) from coproduction_plan").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aRunSolvesWithEveryFirmsCostWhoeverStartedIt() {
        long id = demoPlan();
        CoproductionPlans.RunInput input = plans.runInput(user("us.acq"), id, Optional.empty());
        assertThat(input.problem().lines()).extracting(CoproductionProblem.Line::unitCost)
                .allMatch(java.util.Objects::nonNull);
        assertThat(input.costRecords()).hasSize(4);
        assertThat(plans.readableCosts(user("jp.industry"), input.costRecords())).isEmpty();
        assertThat(plans.readableCosts(user("jp.atla"), input.costRecords())).get().asList().hasSize(4);
    }

    @Test
    void aLineEditedThroughTheServiceKeepsTheFirmsCostPropinAndAStaleEditSavesNothing() {
        DicasUser us = user("us.acq");
        long id = planWithTransfer("edited lines", null);
        long firm = directory.organizations().stream().filter(o -> o.name().startsWith("Sakura")).findFirst()
                .orElseThrow().id();
        plans.saveLine(us, id, new ExpectedVersion(1), "L-JP", new CoproductionPlans.LineCommand("L-JP", "JPN", "P",
                List.of(2, 3), new BigDecimal("7.5"), firm, null));
        CoproductionPlan.Line asFirm = plans.get(user("jp.industry"), id).lines().get(1);
        assertThat(asFirm.unitCost()).isEqualByComparingTo("7.5");
        assertThat(asFirm.costMarking().banner()).isEqualTo("CUI//REL TO USA, JPN//PROPIN");
        assertThat(plans.get(user("us.acq"), id).lines().get(1).capacity()).containsExactly(2, 3);
        assertThatThrownBy(() -> plans.saveLine(us, id, new ExpectedVersion(1), "L-JP",
                new CoproductionPlans.LineCommand("L-JP", "JPN", "P", List.of(9, 9), null, firm, null)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(plans.get(us, id).lines().get(1).capacity()).containsExactly(2, 3);
        // back to a government line: the firm's cost record leaves, the cost is the plan's again
        plans.saveLine(us, id, new ExpectedVersion(2), "L-JP", new CoproductionPlans.LineCommand("L-JP", "JPN", "P",
                List.of(2, 3), BigDecimal.ONE, null, null));
        assertThat(plans.get(user("jp.industry"), id).lines().get(1).costWithheld()).isFalse();
        assertThat(jdbc.sql("select count(*) from coproduction_line_cost c join coproduction_line l on l.cost_id = c.id"
                + " where l.plan_id = :p").param("p", id).query(Long.class).single()).isZero();
    }

    @Test
    void aChangeOfThePlansYearsCutsOrExtendsEveryCapacityWithItsLastValue() {
        DicasUser us = user("us.acq");
        long id = planWithTransfer("years change", null);
        CoproductionPlan longer = plans.update(us, id, new ExpectedVersion(1),
                new CoproductionPlans.PlanCommand("years change", "CUI//REL TO USA, JPN", 2028, 4));
        assertThat(longer.firstYear()).isEqualTo(2028);
        assertThat(longer.line("L-US").capacity()).containsExactly(10, 10, 10, 10);
        assertThat(longer.version()).isEqualTo(2);
        CoproductionPlan shorter = plans.update(us, id, new ExpectedVersion(2),
                new CoproductionPlans.PlanCommand("years change", "CUI//REL TO USA, JPN", 2028, 1));
        assertThat(shorter.line("L-JP").capacity()).containsExactly(1);
        assertThatThrownBy(() -> plans.update(us, id, new ExpectedVersion(3),
                new CoproductionPlans.PlanCommand("years change", "CUI//REL TO USA, JPN", 2028, 41)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("periods"));
        assertThat(plans.get(us, id).periods()).isEqualTo(1);
    }

    @Test
    void industryDoesNotCreatePlans() {
        assertThatThrownBy(() -> plans.create(user("us.industry"), new CoproductionPlans.NewPlan("x",
                "CUI//REL TO USA, JPN", 2027, 1, null, null, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from coproduction_plan where name = 'x'").query(Long.class).single())
                .isZero();
    }
}
