package org.dicas.requirements;

/**
 * Where a cooperative opportunity stands in the pipeline, in order: a lead, a candidate (two or more nations'
 * requirements linked), under study, agreed, and program (the cooperative program exists). Moves go forward one step
 * at a time; one step back is allowed with a reason, except from PROGRAM.
 */
public enum OpportunityStage {
    LEAD, CANDIDATE, UNDER_STUDY, AGREED, PROGRAM;

    public boolean isNext(OpportunityStage to) {
        return to.ordinal() == ordinal() + 1;
    }

    public boolean isPrevious(OpportunityStage to) {
        return to.ordinal() == ordinal() - 1;
    }

    public static OpportunityStage parse(String field, String value) {
        try {
            return valueOf(value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw org.dicas.shared.InvalidInputException.of(field, "opp.error.unknownStage", value,
                    java.util.Arrays.asList(values()));
        }
    }
}
