package org.dicas.coproduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.dicas.PlatformTest;
import org.dicas.coproduction.engine.CoproductionProblem;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
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

    DicasUser user(String name) {
        return directory.userByUsername(name).orElseThrow();
    }

    long demoPlan() {
        return plans.list(user("us.acq"), Paging.FIRST).items().get(0).id();
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

    @Test
    void industryDoesNotCreatePlans() {
        assertThatThrownBy(() -> plans.create(user("us.industry"), new CoproductionPlans.NewPlan("x",
                "CUI//REL TO USA, JPN", 2027, 1, java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of()))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from coproduction_plan where name = 'x'").query(Long.class).single())
                .isZero();
    }
}
