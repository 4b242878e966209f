package org.dicas.supplychain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Shapes whose critical sets are as large as the network, which would cost O(n²) time and memory with one array per
 * node: a long chain with a private single-sourced part at every step, and a broom (a long chain whose tip feeds
 * thousands of alternatives). The shared sets keep them linear; the timeouts are generous upper bounds.
 */
class EngineScalingTest {

    static NetworkSpec.Node node(String id) {
        return new NetworkSpec.Node(id, null, null, null, null, null);
    }

    @Test
    @Timeout(20)
    void aLongChainWithAPrivatePartAtEveryStepIsLinear() {
        int n = 200_000;
        List<NetworkSpec.Node> nodes = new ArrayList<>();
        List<NetworkSpec.Input> inputs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            nodes.add(node("C" + k));
            nodes.add(node("L" + k));
            if (k > 0) {
                // the private part first: a naive depth-first numbering would put it below the whole chain
                inputs.add(new NetworkSpec.Input("C" + k, "part", List.of("L" + k)));
                inputs.add(new NetworkSpec.Input("C" + k, "previous", List.of("C" + (k - 1))));
            }
        }
        NetworkSpec spec = new NetworkSpec(nodes, inputs,
                List.of(new NetworkSpec.EndItem("E", "C" + (n - 1), null, null)));
        SupplyNetwork net = SupplyChainEngine.compile(spec);
        Analysis a = SupplyChainEngine.analyze(net, Disruption.NONE);
        assertThat(a.endItems().get(0).singlePointsOfFailure()).hasSize(2 * n - 1);
        assertThat(a.criticalNodes()).hasSize(2 * n - 1);
    }

    @Test
    @Timeout(20)
    void aBroomSharesTheChainBetweenAllItsBristles() {
        int chain = 100_000;
        int bristles = 20_000;
        List<NetworkSpec.Node> nodes = new ArrayList<>();
        List<NetworkSpec.Input> inputs = new ArrayList<>();
        for (int k = 0; k < chain; k++) {
            nodes.add(node("C" + k));
            if (k > 0) {
                inputs.add(new NetworkSpec.Input("C" + k, "x", List.of("C" + (k - 1))));
            }
        }
        List<String> alternatives = new ArrayList<>();
        for (int b = 0; b < bristles; b++) {
            nodes.add(node("B" + b));
            inputs.add(new NetworkSpec.Input("B" + b, "x", List.of("C" + (chain - 1))));
            alternatives.add("B" + b);
        }
        nodes.add(node("TOP"));
        inputs.add(new NetworkSpec.Input("TOP", "any", alternatives));
        List<NetworkSpec.EndItem> items = new ArrayList<>();
        items.add(new NetworkSpec.EndItem("E-TOP", "TOP", null, null));
        for (int b = 0; b < 50; b++) {
            items.add(new NetworkSpec.EndItem("E" + b, "B" + b, null, null));
        }
        SupplyNetwork net = SupplyChainEngine.compile(new NetworkSpec(nodes, inputs, items));
        Analysis a = SupplyChainEngine.analyze(net, Disruption.NONE);
        assertThat(a.endItems().get(0).singlePointsOfFailure()).hasSize(chain + 1).contains("C0", "TOP")
                .doesNotContain("B0");
        assertThat(a.endItems().get(1).singlePointsOfFailure()).hasSize(chain + 1).contains("B0");
    }
}
