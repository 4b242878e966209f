package org.dicas.supplychain;

import java.util.List;
import org.dicas.shared.Marking;
import org.dicas.supplychain.engine.Concentration;
import org.dicas.supplychain.engine.Disruption;

/**
 * An analysis as one reader may see it: everything about nodes they may read; hidden nodes only as counts
 * ({@code withheld…}), never by name, company or country. {@code marking} is the high-water mark of the network and
 * of every node the view names.
 */
public record NetworkAnalysisView(SupplyNetworkSummary network, Disruption disruption, List<EndItemView> endItems,
                                  int withheldEndItems, List<CriticalNodeView> criticalNodes, int withheldCriticalNodes,
                                  List<String> stoppedEndItems, int withheldStoppedEndItems, List<LostInputView> lostInputs,
                                  int withheldLostInputs, Concentration concentration, List<ExposureView> exposures,
                                  int withheldExposures, Marking marking) {

    public record NodeRef(String code, String name, String company, @org.dicas.shared.Labelled("nation") String country, Marking marking) {
    }

    public record EndItemView(String id, String program, NodeRef node, boolean operational,
                              List<NodeRef> singlePointsOfFailure, int withheldSinglePointsOfFailure) {
    }

    public record CriticalNodeView(NodeRef node, List<String> criticalFor) {
    }

    public record LostInputView(NodeRef node, String item) {
    }

    public record ExposureView(NodeRef node, int ttrDays, List<String> endItems, int maxDaysShort, long riskExposureIndex) {
    }
}
