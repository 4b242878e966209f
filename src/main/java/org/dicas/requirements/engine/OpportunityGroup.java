package org.dicas.requirements.engine;

import java.util.List;

/**
 * Requirements of three or more nations that share one need: every pair among them is flagged an opportunity by the
 * engine. {@code pairs} holds the assessment of each pair; {@code capabilityArea} is the most common area.
 */
public record OpportunityGroup(List<String> requirementIds, List<String> nations, String capabilityArea,
                               double meanScore, List<Assessment> pairs) {

    public OpportunityGroup {
        requirementIds = List.copyOf(requirementIds);
        nations = List.copyOf(nations);
        pairs = List.copyOf(pairs);
    }
}
