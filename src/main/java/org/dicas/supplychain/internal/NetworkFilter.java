package org.dicas.supplychain.internal;

import java.util.Locale;
import org.dicas.supplychain.NetworkAnalysisView;

/** Narrows the tables of a network page to the nodes whose id, name, company or country contain the filter text. */
final class NetworkFilter {

    private NetworkFilter() {
    }

    static NetworkAnalysisView apply(NetworkAnalysisView v, String filter) {
        String f = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        if (f.isEmpty()) {
            return v;
        }
        return new NetworkAnalysisView(v.network(), v.disruption(),
                v.endItems().stream().map(e -> new NetworkAnalysisView.EndItemView(e.id(), e.program(), e.node(),
                        e.operational(), e.singlePointsOfFailure().stream().filter(n -> matches(n, f)).toList(),
                        e.withheldSinglePointsOfFailure())).toList(),
                v.withheldEndItems(),
                v.criticalNodes().stream().filter(c -> matches(c.node(), f)).toList(), v.withheldCriticalNodes(),
                v.stoppedEndItems(), v.withheldStoppedEndItems(), v.lostInputs(), v.withheldLostInputs(),
                v.concentration(), v.exposures().stream().filter(x -> matches(x.node(), f)).toList(),
                v.withheldExposures(), v.marking());
    }

    static boolean matches(NetworkAnalysisView.NodeRef n, String f) {
        return (n.code() + " " + n.name() + " " + n.company() + " " + n.country()).toLowerCase(Locale.ROOT).contains(f);
    }
}
