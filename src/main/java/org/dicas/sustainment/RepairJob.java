package org.dicas.sustainment;

import java.time.LocalDate;
import java.util.List;
import org.dicas.shared.Marking;

/**
 * A repair job: an asset (ship or aircraft) needing {@code durationDays} on a resource of one of
 * {@code resourceKinds}, between {@code earliestStart} and {@code dueDate}. {@code foreignRepairAllowed} is derived
 * by the {@link ForeignRepairRule} for ship work (see {@link RepairJobs}). A pin fixes the job to a resource and start.
 */
public record RepairJob(long id, Marking marking, String code, String asset, @org.dicas.shared.Labelled("nation") String flagNation,
                        @org.dicas.shared.Labelled("sus.kind") List<String> resourceKinds, Double lengthM, int durationDays, LocalDate earliestStart,
                        LocalDate dueDate, int priority, List<String> requires, boolean forwardDeployed,
                        boolean voyageRepair, LocalDate dueHome, boolean foreignRepairAllowed, Double homeLat,
                        Double homeLon, String pinnedResource, LocalDate pinnedStart, long version) implements org.dicas.shared.Versioned {

    public RepairJob {
        resourceKinds = List.copyOf(resourceKinds);
        requires = List.copyOf(requires);
    }

    public ForeignRepairRule.AssetType assetType() {
        return ForeignRepairRule.AssetType.ofResourceKinds(resourceKinds);
    }

    /** The rule's decision for a facility outside the flag nation, from the job's own inputs. */
    public ForeignRepairRule.Decision foreignRepairDecision() {
        return ForeignRepairRule.decide(new ForeignRepairRule.Input(flagNation, ForeignRepairRule.FOREIGN, assetType(),
                forwardDeployed, durationDays, dueHome, earliestStart, null, voyageRepair));
    }
}
