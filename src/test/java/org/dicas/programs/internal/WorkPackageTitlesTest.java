package org.dicas.programs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dicas.PlatformTest;
import org.dicas.programs.Program;
import org.dicas.programs.ProgramCommand;
import org.dicas.programs.Programs;
import org.dicas.programs.internal.WorkPackageCommands.OptionCommand;
import org.dicas.programs.internal.WorkPackageCommands.PackageCommand;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.shared.ExpectedVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The titles the work share composes — a firm's option on a package, a withdrawn option, a removed package — are
 * stored in both languages as the record's own (ADR 0031): the Japanese one names the firm by its Japanese name.
 */
@PlatformTest
class WorkPackageTitlesTest {

    @Autowired
    WorkPackages packages;
    @Autowired
    Programs programs;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;

    /** language → title, of the titles no person wrote (confirmed, never drafts). */
    Map<String, String> composed(long id) {
        Map<String, String> out = new TreeMap<>();
        jdbc.sql("select language, title from record_title where record_id = :id and written_by is null and not draft")
                .param("id", id).query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    @Test
    void anOptionItsWithdrawalAndARemovedPackageAreTitledInBothLanguages() {
        DicasUser us = directory.userByUsername("us.acq").orElseThrow();
        Program p = programs.create(us, new ProgramCommand("Work package titles test", "", Program.Type.CO_DEVELOPMENT,
                Program.Status.ACTIVE, "", List.of(new ProgramCommand.Partner("USA", new BigDecimal("50"), null),
                new ProgramCommand.Partner("JPN", new BigDecimal("50"), null)), List.of(), List.of(),
                "CUI//REL TO USA, JPN"));
        Directory.Organization sakura = directory.organizations().stream()
                .filter(o -> o.name().startsWith("Sakura Heavy")).findFirst().orElseThrow();
        assertThat(sakura.nameJa()).as("the demo firm's Japanese name").isNotBlank();
        WorkPackage wp = packages.create(us, p.id(), new PackageCommand("WP-T", "Seeker assembly", "", List.of(),
                "CUI//REL TO USA, JPN"));
        WorkPackage.Option option = packages.addOption(us, p.id(), wp.id(),
                new OptionCommand(sakura.id(), new BigDecimal("90"), ""));
        assertThat(composed(option.id())).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "en", "WP-T — " + sakura.name(), "ja", "WP-T：" + sakura.nameJa() + "の実施案")));

        packages.deleteOption(us, p.id(), wp.id(), option.id(), new ExpectedVersion(option.version()));
        assertThat(composed(option.id())).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "en", "Option withdrawn", "ja", "取り下げられた実施案")));

        WorkPackage current = packages.get(us, p.id(), wp.id());
        packages.delete(us, p.id(), wp.id(), new ExpectedVersion(current.version()));
        assertThat(composed(wp.id())).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "en", "WP-T (removed)", "ja", "WP-T（削除済み）")));
        assertThat(jdbc.sql("select title from record where id = :id").param("id", wp.id()).query(String.class)
                .single()).isEqualTo("WP-T (removed)");
    }
}
