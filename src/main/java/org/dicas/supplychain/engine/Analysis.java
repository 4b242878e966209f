package org.dicas.supplychain.engine;

import java.util.List;

/**
 * The result of analysing a network under a disruption: per end item whether it is operational and its single
 * points of failure (sorted by id, plain string order); per node the end items it is critical for; the end items
 * that stopped and the inputs that lost their last operational source because of the disruption.
 */
public record Analysis(List<EndItemResult> endItems, List<CriticalNode> criticalNodes, List<String> stoppedEndItems,
                       List<LostInput> inputsWithoutSource, List<String> disruptedNodes) {

    public record EndItemResult(String id, String node, String program, boolean operational,
                                List<String> singlePointsOfFailure) {
    }

    public record CriticalNode(String node, List<String> criticalFor) {
    }

    public record LostInput(String node, String item) {
    }
}
