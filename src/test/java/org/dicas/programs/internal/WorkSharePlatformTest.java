package org.dicas.programs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.dicas.PlatformTest;
import org.dicas.programs.Program;
import org.dicas.programs.ProgramCommand;
import org.dicas.programs.Programs;
import org.dicas.programs.WorkShareWriteRules;
import org.dicas.programs.internal.WorkPackageCommands.OptionCommand;
import org.dicas.programs.internal.WorkPackageCommands.PackageCommand;
import org.dicas.programs.internal.WorkPackageCommands.ReleaseCommand;
import org.dicas.programs.internal.WorkPackageCommands.SettingsCommand;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.OrganizationKind;
import org.dicas.security.WriteRuleRejected;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.NationCode;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.StaleVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work share of cooperative programs on the real platform: the demo GPI balance and its what-ifs, who reads which
 * package and which cost (PROPIN of the firm), aggregates withheld from a reader who may not read every cost behind
 * them, infeasibility said through message keys, and refusals that name the field and save nothing.
 */
@PlatformTest
class WorkSharePlatformTest {

    @Autowired
    WorkPackages packages;
    @Autowired
    WorkShareBalancing balancing;
    @Autowired
    Programs programs;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;

    DicasUser user(String name) {
        return directory.userByUsername(name).orElseThrow();
    }

    long gpi() {
        return programs.readable(user("us.acq")).stream().filter(p -> WorkShareDemoData.GPI.equals(p.nameEn()))
                .findFirst().orElseThrow().id();
    }

    long firm(String name, String nation) {
        return directory.organizationIdOrCreate(name, null, OrganizationKind.COMPANY, NationCode.of(nation));
    }

    /** A fresh U.S.–Japan program (50/50) for the tests that change things, so the demo GPI stays as it is. */
    Program freshProgram(String name) {
        return programs.create(user("us.acq"), new ProgramCommand(name, "", Program.Type.CO_DEVELOPMENT,
                Program.Status.ACTIVE, "", List.of(new ProgramCommand.Partner("USA", new BigDecimal("50"), null),
                new ProgramCommand.Partner("JPN", new BigDecimal("50"), null)), List.of(), List.of(),
                "CUI//REL TO USA, JPN"));
    }

    long rows() {
        return jdbc.sql("""
                        select (select count(*) from work_package) + (select count(*) from work_package_option)
                             + (select count(*) from work_share_release) + (select count(*) from record)""")
                .query(Long.class).single();
    }

    void refusedAndNothingSaved(String field, Supplier<?> write) {
        long before = rows();
        assertThatThrownBy(write::get).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
        assertThat(rows()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void theDemoGpiBalancesWithinItsBandAndAWiderToleranceLowersThePriceOfBalance() {
        DicasUser jp = user("jp.atla");
        WorkShare ws = packages.workShare(jp, gpi());
        assertThat(ws.packages()).hasSize(WorkShareDemoData.PACKAGES);
        assertThat(ws.targets()).extracting(WorkShare.Target::share).allMatch(s -> s.compareTo(new BigDecimal("50")) == 0);
        assertThat(ws.tolerance()).isEqualByComparingTo("2");

        BalanceView base = balancing.balance(jp, gpi(), Optional.empty());
        BalanceView.Result b = base.baseline();
        assertThat(base.aggregatesShown()).isTrue();
        assertThat(b.status()).isEqualTo("OPTIMAL");
        assertThat(b.totalCost()).isEqualByComparingTo("784.5");
        assertThat(b.unconstrainedCost()).isEqualByComparingTo("776.5");
        assertThat(b.priceOfBalance()).isEqualByComparingTo("8");
        assertThat(b.assignments()).hasSize(WorkShareDemoData.PACKAGES);
        assertThat(b.shares()).allSatisfy(s -> assertThat(s.percent()).isBetween(new BigDecimal("48"), new BigDecimal("52")));

        BalanceView wider = balancing.balance(jp, gpi(), Optional.of(new WorkShareWhatIf(
                WorkShareWhatIf.Kind.WIDEN_TOLERANCE, new BigDecimal("5"), null, null)));
        assertThat(wider.whatIfResult().orElseThrow().priceOfBalance()).isEqualByComparingTo("4.5");
        assertThat(wider.priceOfBalanceChange()).isEqualByComparingTo("-3.5");
        assertThat(wider.changedPackages()).isEqualTo(1);
        assertThat(wider.baseline().totalCost()).as("the baseline beside it").isEqualByComparingTo("784.5");

        BalanceView released = balancing.balance(jp, gpi(), Optional.of(new WorkShareWhatIf(
                WorkShareWhatIf.Kind.ADD_RELEASE, null, WorkShareDemoData.XII, "JPN")));
        BalanceView.Result r = released.whatIfResult().orElseThrow();
        assertThat(r.totalCost()).isEqualByComparingTo("767");
        assertThat(r.assignments()).filteredOn(a -> a.code().equals("WP-04")).singleElement()
                .satisfies(a -> assertThat(a.nation()).as("the Japanese seeker, once released").isEqualTo("JPN"));
        assertThat(packages.workShare(jp, gpi()).releases()).as("a what-if saves nothing")
                .filteredOn(x -> x.control().equals(WorkShareDemoData.XII)).singleElement()
                .satisfies(x -> assertThat(x.nations()).containsExactly("USA"));
    }

    @Test
    void aFirmReadsItsOwnCostsAndNotItsCompetitorsAndMayNotBalance() {
        DicasUser sakura = user("jp.industry");
        WorkShare ws = packages.workShare(sakura, gpi());
        List<WorkPackage.Option> options = ws.packages().stream().flatMap(p -> p.options().stream()).toList();
        assertThat(options).filteredOn(o -> o.performer().startsWith("Sakura"))
                .isNotEmpty().allSatisfy(o -> assertThat(o.cost()).isNotNull());
        assertThat(options).filteredOn(o -> !o.performer().startsWith("Sakura"))
                .isNotEmpty().allSatisfy(o -> {
                    assertThat(o.costWithheld()).isTrue();
                    assertThat(o.cost()).isNull();
                    assertThat(o.marking()).isNull();
                });
        assertThat(ws.everyCostShown()).isFalse();
        assertThatThrownBy(() -> balancing.balance(sakura, gpi(), Optional.empty()))
                .isInstanceOf(WriteRuleRejected.class)
                .hasMessageContaining("proprietary");
        // governments of both partners read every cost
        assertThat(packages.workShare(user("us.acq"), gpi()).everyCostShown()).isTrue();
        assertThat(packages.workShare(user("jp.atla"), gpi()).everyCostShown()).isTrue();
        // a nation outside the release, or a reader below CUI, does not find the program's work share
        assertThatThrownBy(() -> packages.workShare(user("au.dod"), gpi())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> packages.workShare(user("us.industry"), gpi())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aReaderWhoMayNotReadEveryPackageSeesAWithheldCountAndNoAggregates() {
        DicasUser us = user("us.acq");
        DicasUser jp = user("jp.atla");
        Program p = freshProgram("Withheld work share test");
        packages.updateSettings(us, p.id(), new ExpectedVersion(p.version()), new SettingsCommand(new BigDecimal("10"),
                List.of(new ReleaseCommand("ITAR-USML-IV", List.of("USA", "JPN")))));
        long pmw = firm("Pacific Missile Works (illustrative)", "USA");
        long sakura = firm("Sakura Heavy Industries (illustrative)", "JPN");
        WorkPackage open = packages.create(us, p.id(), new PackageCommand("WP-A", "Open package", "", List.of("ITAR-USML-IV"),
                "CUI//REL TO USA, JPN"));
        packages.addOption(us, p.id(), open.id(), new OptionCommand(pmw, new BigDecimal("100"), ""));
        packages.addOption(us, p.id(), open.id(), new OptionCommand(sakura, new BigDecimal("90"), ""));
        WorkPackage hidden = packages.create(us, p.id(), new PackageCommand("WP-B", "U.S. only package", "", List.of(),
                "CUI//NOFORN"));
        packages.addOption(us, p.id(), hidden.id(), new OptionCommand(pmw, new BigDecimal("95"), "CUI//NOFORN//PROPIN"));

        WorkShare seen = packages.workShare(jp, p.id());
        assertThat(seen.packages()).extracting(WorkPackage::code).containsExactly("WP-A");
        assertThat(seen.withheldPackages()).isEqualTo(1);
        BalanceView v = balancing.balance(jp, p.id(), Optional.empty());
        assertThat(v.withheldPackages()).isEqualTo(1);
        assertThat(v.aggregatesShown()).isFalse();
        BalanceView.Result r = v.baseline();
        assertThat(r.status()).isEqualTo("OPTIMAL");
        assertThat(r.assignments()).extracting(BalanceView.Assignment::code).containsExactly("WP-A");
        assertThat(r.totalCost()).isNull();
        assertThat(r.priceOfBalance()).isNull();
        assertThat(r.unconstrainedCost()).isNull();
        assertThat(r.shares()).allSatisfy(s -> {
            assertThat(s.percent()).isNull();
            assertThat(s.cost()).isNull();
        });
        assertThat(v.marking().banner()).doesNotContain("NOFORN");
        // the U.S. reader reads both and sees the figures: 95 (USA) + 90 (JPN) lies within 50 ± 10
        BalanceView all = balancing.balance(us, p.id(), Optional.empty());
        assertThat(all.aggregatesShown()).isTrue();
        assertThat(all.baseline().totalCost()).isEqualByComparingTo("185");
        assertThat(all.marking().noForn()).isTrue();
    }

    @Test
    void aPackageNoReleasedNationCanPerformIsInfeasibleInTheReadersWords() {
        DicasUser us = user("us.acq");
        Program p = freshProgram("Infeasible work share test");
        packages.updateSettings(us, p.id(), new ExpectedVersion(p.version()), new SettingsCommand(new BigDecimal("2"),
                List.of(new ReleaseCommand("ITAR-USML-XII", List.of("USA")))));
        WorkPackage wp = packages.create(us, p.id(), new PackageCommand("WP-S", "Seeker", "シーカー",
                List.of("ITAR-USML-XII"), "CUI//REL TO USA, JPN"));
        packages.addOption(us, p.id(), wp.id(), new OptionCommand(firm("Sakura Heavy Industries (illustrative)", "JPN"),
                new BigDecimal("10"), ""));
        BalanceView.Result r = balancing.balance(us, p.id(), Optional.empty()).baseline();
        assertThat(r.status()).isEqualTo("INFEASIBLE");
        assertThat(r.infeasibility().orElseThrow().key()).isEqualTo("workShare.infeasible.NO_ALLOWED_OPTION");
        assertThat(r.infeasibility().orElseThrow().args()).containsExactly("WP-S");
        // releasing the control to Japan (a what-if) makes it feasible, yet only one nation gets work: outside its band
        BalanceView w = balancing.balance(us, p.id(), Optional.of(new WorkShareWhatIf(WorkShareWhatIf.Kind.ADD_RELEASE,
                null, "ITAR-USML-XII", "JPN")));
        assertThat(w.whatIfResult().orElseThrow().infeasibility().orElseThrow().key())
                .startsWith("workShare.infeasible.SHARE_TOO_");
    }

    @Test
    void targetsDefaultToTheCostSharesAndMayBeTheProgramsOwnWorkShareTargets() {
        DicasUser us = user("us.acq");
        Program p = programs.create(us, new ProgramCommand("Work-share targets test", "", Program.Type.CO_DEVELOPMENT,
                Program.Status.ACTIVE, "", List.of(new ProgramCommand.Partner("USA", new BigDecimal("50"), new BigDecimal("60")),
                new ProgramCommand.Partner("JPN", new BigDecimal("50"), new BigDecimal("40"))), List.of(), List.of(),
                "CUI//REL TO USA, JPN"));
        packages.updateSettings(us, p.id(), new ExpectedVersion(p.version()), new SettingsCommand(BigDecimal.ZERO,
                List.of()));
        long pmw = firm("Pacific Missile Works (illustrative)", "USA");
        long sakura = firm("Sakura Heavy Industries (illustrative)", "JPN");
        for (String[] x : new String[][] {{"WP-A", "60"}, {"WP-B", "40"}}) {
            WorkPackage wp = packages.create(us, p.id(), new PackageCommand(x[0], x[0], "", List.of(),
                    "CUI//REL TO USA, JPN"));
            packages.addOption(us, p.id(), wp.id(), new OptionCommand(pmw, new BigDecimal(x[1]), ""));
            packages.addOption(us, p.id(), wp.id(), new OptionCommand(sakura, new BigDecimal(x[1]), ""));
        }
        BalanceView costShares = balancing.balance(us, p.id(), Optional.empty());
        assertThat(costShares.targets()).isEqualTo(BalanceView.Targets.COST_SHARES);
        assertThat(costShares.baseline().status()).as("60/40 cannot be split exactly 50/50").isEqualTo("INFEASIBLE");
        BalanceView own = balancing.balance(us, p.id(), BalanceView.Targets.WORK_SHARE_TARGETS, Optional.empty());
        assertThat(own.baseline().status()).isEqualTo("OPTIMAL");
        assertThat(own.baseline().shares()).filteredOn(s -> s.nation().equals("USA")).singleElement()
                .satisfies(s -> assertThat(s.percent()).isEqualByComparingTo("60"));
        // a program whose partners have no work-share targets balances to its cost shares only
        Program none = freshProgram("No work-share targets test");
        refusedAndNothingSaved("targets", () -> balancing.balance(us, none.id(), BalanceView.Targets.WORK_SHARE_TARGETS,
                Optional.empty()));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        DicasUser us = user("us.acq");
        Program p = freshProgram("Refusals work share test");
        WorkPackage wp = packages.create(us, p.id(), new PackageCommand("WP-1", "A package", "", List.of(),
                "CUI//REL TO USA, JPN"));
        long pmw = firm("Pacific Missile Works (illustrative)", "USA");
        refusedAndNothingSaved("code", () -> packages.create(us, p.id(), new PackageCommand("bad code!", "x", "",
                List.of(), "CUI//REL TO USA, JPN")));
        refusedAndNothingSaved("code", () -> packages.create(us, p.id(), new PackageCommand("WP-1", "again", "",
                List.of(), "CUI//REL TO USA, JPN")));
        refusedAndNothingSaved("titleEn", () -> packages.create(us, p.id(), new PackageCommand("WP-2", "", "",
                List.of(), "CUI//REL TO USA, JPN")));
        refusedAndNothingSaved("controls[1]", () -> packages.create(us, p.id(), new PackageCommand("WP-2", "x", "",
                List.of("ITAR-USML-IV", "ITAR-USML-IV"), "CUI//REL TO USA, JPN")));
        refusedAndNothingSaved("cost", () -> packages.addOption(us, p.id(), wp.id(), new OptionCommand(pmw,
                new BigDecimal("-1"), "")));
        refusedAndNothingSaved("cost", () -> packages.addOption(us, p.id(), wp.id(), new OptionCommand(pmw,
                new BigDecimal("1.005"), "")));
        refusedAndNothingSaved("marking", () -> packages.addOption(us, p.id(), wp.id(), new OptionCommand(pmw,
                new BigDecimal("1"), "CUI//REL TO USA, JPN")));
        refusedAndNothingSaved("performerId", () -> packages.addOption(us, p.id(), wp.id(), new OptionCommand(
                firm("Southern Cross Dynamics (test)", "AUS"), new BigDecimal("1"), "")));
        refusedAndNothingSaved("performerId", () -> packages.addOption(us, p.id(), wp.id(), new OptionCommand(
                us.organizationId(), new BigDecimal("1"), "")));
        refusedAndNothingSaved("releases[0].nations", () -> packages.updateSettings(us, p.id(),
                new ExpectedVersion(programs.get(us, p.id()).version()), new SettingsCommand(BigDecimal.ONE,
                        List.of(new ReleaseCommand("ITAR-USML-IV", List.of("USA", "AUS"))))));
        refusedAndNothingSaved("tolerance", () -> packages.updateSettings(us, p.id(),
                new ExpectedVersion(programs.get(us, p.id()).version()), new SettingsCommand(new BigDecimal("101"),
                        List.of())));
        refusedAndNothingSaved("tolerance", () -> balancing.balance(us, p.id(), Optional.of(new WorkShareWhatIf(
                WorkShareWhatIf.Kind.WIDEN_TOLERANCE, new BigDecimal("1"), null, null))));
        refusedAndNothingSaved("control", () -> balancing.balance(us, p.id(), Optional.of(new WorkShareWhatIf(
                WorkShareWhatIf.Kind.ADD_RELEASE, null, "ITAR-USML-XV", "JPN"))));
    }

    @Test
    void aFirmWritesOnlyItsOwnOptionAndAStaleVersionSavesNothing() {
        DicasUser us = user("us.acq");
        DicasUser sakuraUser = user("jp.industry");
        Program p = freshProgram("Firm options work share test");
        WorkPackage wp = packages.create(us, p.id(), new PackageCommand("WP-F", "Firm package", "", List.of(),
                "CUI//REL TO USA, JPN"));
        long pmw = firm("Pacific Missile Works (illustrative)", "USA");
        long sakura = sakuraUser.organizationId();
        long before = rows();
        assertThatThrownBy(() -> packages.addOption(sakuraUser, p.id(), wp.id(), new OptionCommand(pmw,
                new BigDecimal("5"), ""))).isInstanceOf(WriteRuleRejected.class)
                .satisfies(e -> assertThat(((WriteRuleRejected) e).code()).isEqualTo(WorkShareWriteRules.OWN_FIRM_ONLY));
        assertThatThrownBy(() -> packages.create(sakuraUser, p.id(), new PackageCommand("WP-X", "x", "", List.of(),
                "CUI//REL TO USA, JPN"))).isInstanceOf(WriteRuleRejected.class);
        assertThat(rows()).isEqualTo(before);
        WorkPackage.Option own = packages.addOption(sakuraUser, p.id(), wp.id(), new OptionCommand(sakura,
                new BigDecimal("7.25"), ""));
        assertThat(own.marking().banner()).isEqualTo("CUI//REL TO USA, JPN//PROPIN");
        WorkPackage.Option changed = packages.updateOption(sakuraUser, p.id(), wp.id(), own.id(),
                new ExpectedVersion(own.version()), new OptionCommand(null, new BigDecimal("6.5"), ""));
        assertThat(changed.cost()).isEqualByComparingTo("6.5");
        assertThatThrownBy(() -> packages.updateOption(us, p.id(), wp.id(), own.id(), new ExpectedVersion(own.version()),
                new OptionCommand(null, new BigDecimal("1"), ""))).isInstanceOf(StaleVersionException.class);
        assertThat(packages.option(us, p.id(), wp.id(), own.id()).cost()).isEqualByComparingTo("6.5");
        // the U.S. firm's user is below CUI: neither the package nor the option exists for it
        assertThatThrownBy(() -> packages.option(user("us.industry"), p.id(), wp.id(), own.id()))
                .isInstanceOf(NotFoundException.class);
    }
}
