package org.dicas.programs.internal;

import java.math.BigDecimal;
import java.util.List;

/** What a writer sends to create or change work packages, options and the program's work-share settings. */
final class WorkPackageCommands {

    private WorkPackageCommands() {
    }

    /** A work package: code (e.g. WP-001), a title in English and/or Japanese, export controls, marking. */
    record PackageCommand(String code, String titleEn, String titleJa, List<String> controls, String marking) {
        PackageCommand {
            code = code == null ? "" : code.strip();
            titleEn = titleEn == null ? "" : titleEn.strip();
            titleJa = titleJa == null ? "" : titleJa.strip();
            controls = controls == null ? List.of()
                    : controls.stream().map(c -> c == null ? "" : c.strip()).filter(c -> !c.isEmpty()).toList();
        }
    }

    /**
     * A firm's option: the performing company (organization id), its cost, and the marking of the cost (must carry
     * PROPIN; blank gives the default {@code CUI//REL TO <partners>//PROPIN}).
     */
    record OptionCommand(Long performerId, BigDecimal cost, String marking) {
    }

    /** The tolerance of the share rule (points) and the releases (control → nations) of a program. */
    record SettingsCommand(BigDecimal tolerance, List<ReleaseCommand> releases) {
        SettingsCommand {
            releases = releases == null ? List.of() : releases;
        }
    }

    record ReleaseCommand(String control, List<String> nations) {
    }
}
