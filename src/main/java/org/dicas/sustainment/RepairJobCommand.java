package org.dicas.sustainment;

import java.time.LocalDate;
import java.util.List;

/**
 * A new or changed repair job. {@code foreignRepairAllowed} may be given only for aircraft (hangar-only) work, as an
 * explicit decision; for ship work it is derived by the {@link ForeignRepairRule} and an explicit value that
 * contradicts the rule is refused. The pin is not part of the command (see {@link RepairJobs#pin}).
 */
public record RepairJobCommand(String code, String asset, String flagNation, List<String> resourceKinds,
                               Double lengthM, Integer durationDays, LocalDate earliestStart, LocalDate dueDate,
                               Integer priority, List<String> requires, Boolean forwardDeployed, Boolean voyageRepair,
                               LocalDate dueHome, Boolean foreignRepairAllowed, Double homeLat, Double homeLon,
                               String marking) {

    public RepairJobCommand {
        resourceKinds = resourceKinds == null ? List.of() : resourceKinds;
        requires = requires == null ? List.of() : requires;
    }
}
