package org.dicas.supplychain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicas.security.DicasUser;
import org.dicas.shared.Marking;
import org.dicas.supplychain.NetworkAnalysisView.CriticalNodeView;
import org.dicas.supplychain.NetworkAnalysisView.EndItemView;
import org.dicas.supplychain.NetworkAnalysisView.ExposureView;
import org.dicas.supplychain.NetworkAnalysisView.LostInputView;
import org.dicas.supplychain.NetworkAnalysisView.NodeRef;
import org.dicas.supplychain.engine.Analysis;
import org.dicas.supplychain.engine.Concentration;
import org.dicas.supplychain.engine.Disruption;
import org.dicas.supplychain.engine.Exposure;
import org.dicas.supplychain.engine.SupplyChainEngine;
import org.dicas.supplychain.engine.SupplyNetwork;
import org.springframework.stereotype.Service;

/**
 * Runs the engine on the whole stored network (criticality depends on every node) and shows each reader only what
 * concerns nodes they may read. Concentration is computed on the readable part of the network, since its shares and
 * top country would otherwise describe hidden nodes.
 *
 * <p>A what-if names and takes out readable nodes only ({@link ReadableDisruption}): a hidden node, or a country or
 * company only hidden nodes carry, is refused exactly like one that does not exist.
 */
@Service
public class NetworkAnalyses {

    private final SupplyNetworks networks;

    NetworkAnalyses(SupplyNetworks networks) {
        this.networks = networks;
    }

    public NetworkAnalysisView analyze(DicasUser user, long networkId, Disruption disruption, Set<String> concerns) {
        SupplyNetworkSummary summary = networks.summary(user, networkId);
        Map<String, SupplyNetworks.StoredNode> visible = networks.nodes(user, networkId);
        ReadableDisruption whatIf = ReadableDisruption.of(disruption, visible);
        SupplyNetwork net = networks.compiled(networkId);
        Analysis a = SupplyChainEngine.analyze(net, whatIf.applied);
        List<Marking> shown = new ArrayList<>();
        shown.add(summary.marking());
        Set<String> visibleEndItems = new HashSet<>();

        List<EndItemView> endItems = new ArrayList<>();
        int withheldEndItems = 0;
        for (Analysis.EndItemResult e : a.endItems()) {
            if (!visible.containsKey(e.node())) {
                withheldEndItems++;
                continue;
            }
            visibleEndItems.add(e.id());
            List<NodeRef> spof = new ArrayList<>();
            int withheld = 0;
            for (String code : e.singlePointsOfFailure()) {
                if (visible.containsKey(code)) {
                    spof.add(ref(visible.get(code), shown));
                } else {
                    withheld++;
                }
            }
            endItems.add(new EndItemView(e.id(), e.program(), ref(visible.get(e.node()), shown), e.operational(), spof, withheld));
        }
        List<CriticalNodeView> critical = new ArrayList<>();
        int withheldCritical = 0;
        for (Analysis.CriticalNode c : a.criticalNodes()) {
            List<String> forVisible = c.criticalFor().stream().filter(visibleEndItems::contains).toList();
            if (forVisible.isEmpty()) {
                continue;
            }
            if (visible.containsKey(c.node())) {
                critical.add(new CriticalNodeView(ref(visible.get(c.node()), shown), forVisible));
            } else {
                withheldCritical++;
            }
        }
        List<String> stopped = a.stoppedEndItems().stream().filter(visibleEndItems::contains).toList();
        int withheldStopped = a.stoppedEndItems().size() - stopped.size();
        List<LostInputView> lost = new ArrayList<>();
        int withheldLost = 0;
        for (Analysis.LostInput l : a.inputsWithoutSource()) {
            if (visible.containsKey(l.node())) {
                lost.add(new LostInputView(ref(visible.get(l.node()), shown), l.item()));
            } else {
                withheldLost++;
            }
        }
        List<ExposureView> exposures = new ArrayList<>();
        int withheldExposures = 0;
        for (Exposure x : SupplyChainEngine.exposures(net, a)) {
            List<String> items = x.endItems().stream().filter(visibleEndItems::contains).toList();
            if (items.isEmpty()) {
                continue;
            }
            if (visible.containsKey(x.node())) {
                exposures.add(new ExposureView(ref(visible.get(x.node()), shown), x.ttrDays(), items, x.maxDaysShort(),
                        x.riskExposureIndex()));
            } else {
                withheldExposures++;
            }
        }
        Concentration concentration = SupplyChainEngine.concentration(
                SupplyChainEngine.compile(SupplyNetworks.restrictedTo(networks.spec(networkId), visible.keySet())),
                concerns);
        return new NetworkAnalysisView(summary, whatIf.asked, endItems, withheldEndItems, critical, withheldCritical,
                stopped, withheldStopped, lost, withheldLost, concentration, exposures, withheldExposures,
                Marking.highWaterMark(shown));
    }

    private static NodeRef ref(SupplyNetworks.StoredNode n, List<Marking> shown) {
        shown.add(n.marking());
        return new NodeRef(n.code(), n.name(), n.company(), n.country(), n.marking());
    }
}
