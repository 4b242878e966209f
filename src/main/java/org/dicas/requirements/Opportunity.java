package org.dicas.requirements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentence;

/**
 * A cooperative opportunity in the pipeline as one reader sees it. {@code requirements} holds the linked requirements
 * the reader may read ({@code withheldRequirements} counts the others); {@code firstUnitCost} (A) and
 * {@code learningRate} (LR) are this opportunity's learning-curve parameters and {@code savings} the combined-buy
 * savings they give for the linked quantities (null when fewer than two linked requirements state a quantity).
 * {@code history} lists every stage change and edit, oldest first.
 */
public record Opportunity(long id, Marking marking, String title, @org.dicas.shared.Labelled("opp.stage") OpportunityStage stage, long ownerId,
                          String ownerName, String nextStep, LocalDate nextStepDate, double firstUnitCost,
                          double learningRate, List<LinkedRequirement> requirements, int withheldRequirements,
                          Long leadId, String leadTitle, Long programId, String programTitle, Savings savings,
                          List<StageChange> history, long createdBy, Instant createdAt, long version) implements org.dicas.shared.Versioned {

    /** A linked requirement the reader may read. */
    public record LinkedRequirement(long id, @org.dicas.shared.Labelled("nation") String nation, String titleEn, String titleJa, Integer quantity,
                                    LocalDate needBy, Marking marking) {
        public String title() {
            return titleEn.isEmpty() ? titleJa : titleEn;
        }
    }

    /**
     * The learning-curve economics of buying the linked quantities together: cost of the separate buys, of the
     * combined buy, the savings and their share of the separate cost (in units of A's currency).
     */
    public record Savings(List<Integer> quantities, double separateCost, double combinedCost, double savings,
                          double fraction) {
    }

    /** One entry of the history: a stage change (from → to) or an edit (from = to), who, when, why. */
    /**
     * One entry of the history: {@code detail} is what the system did, rendered in the reader's language (null when
     * only a person's note says why); {@code note} is what a person wrote (a reason), or the text of an entry written
     * before history was kept as sentences.
     */
    public record StageChange(Instant at, String actor, @org.dicas.shared.Labelled("nation") String actorNation, @org.dicas.shared.Labelled("opp.stage") OpportunityStage from,
                              @org.dicas.shared.Labelled("opp.stage") OpportunityStage to, Sentence detail, String note, Long meetingId) {
    }

    public Opportunity {
        requirements = List.copyOf(requirements);
        history = List.copyOf(history);
    }

    /** The high-water mark of the opportunity and what is shown with it. */
    public Marking highWaterMark() {
        List<Marking> all = new ArrayList<>();
        all.add(marking);
        requirements.forEach(r -> all.add(r.marking()));
        return Marking.highWaterMark(all);
    }
}
