package org.dicas.supplychain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The engine on a small hand-checked network: SPOF, what-ifs, concentration, exposures, JSON round trip. */
class SupplyChainEngineTest {

    /**
     * N1 (rocket motor, JPN) needs propellant from N5 (JPN) or N9 (USA), and a casing from N7 (JPN) alone; N7 needs
     * steel from N8 (AUS) alone. N2 (USA) needs propellant from N5 only. End items: GPI-RM at N1, SM-X at N2.
     */
    static final String EXAMPLE = """
            {"nodes":[
              {"id":"N1","name":"Rocket motor line","company":"Example Propulsion","country":"JPN","ttrDays":180,"capacity":120},
              {"id":"N2","company":"Other Motors","country":"USA","ttrDays":30},
              {"id":"N5","company":"Chem Co","country":"JPN","ttrDays":400,"capacity":30},
              {"id":"N9","company":"Chem Co","country":"USA","ttrDays":90,"capacity":10},
              {"id":"N7","company":"Casing KK","country":"JPN","ttrDays":200,"capacity":5},
              {"id":"N8","company":"Steel Pty","country":"AUS","ttrDays":60}
            ],
            "inputs":[
              {"node":"N1","item":"propellant","sources":["N5","N9"]},
              {"node":"N1","item":"casing","sources":["N7"]},
              {"node":"N7","item":"steel","sources":["N8"]},
              {"node":"N2","item":"propellant","sources":["N5"]}
            ],
            "endItems":[
              {"id":"GPI-RM","node":"N1","program":"GPI","inventoryDays":90},
              {"id":"SM-X","node":"N2","program":"SM","inventoryDays":100}
            ]}
            """;

    static NetworkSpec spec(String json) {
        return NetworkJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    static SupplyNetwork example() {
        return SupplyChainEngine.compile(spec(EXAMPLE));
    }

    @Test
    void singlePointsOfFailureOfTheNetworkAsItIs() {
        SupplyNetwork net = example();
        assertThat(net.nodeCount()).isEqualTo(6);
        assertThat(net.inputCount()).isEqualTo(4);
        assertThat(net.linkCount()).isEqualTo(5);
        Analysis a = SupplyChainEngine.analyze(net, Disruption.NONE);
        assertThat(a.endItems()).containsExactly(
                new Analysis.EndItemResult("GPI-RM", "N1", "GPI", true, List.of("N1", "N7", "N8")),
                new Analysis.EndItemResult("SM-X", "N2", "SM", true, List.of("N2", "N5")));
        assertThat(a.criticalNodes()).containsExactly(
                new Analysis.CriticalNode("N1", List.of("GPI-RM")),
                new Analysis.CriticalNode("N2", List.of("SM-X")),
                new Analysis.CriticalNode("N5", List.of("SM-X")),
                new Analysis.CriticalNode("N7", List.of("GPI-RM")),
                new Analysis.CriticalNode("N8", List.of("GPI-RM")));
        assertThat(a.stoppedEndItems()).isEmpty();
        assertThat(a.inputsWithoutSource()).isEmpty();
        assertThat(a.disruptedNodes()).isEmpty();
    }

    @Test
    void aCountryDisruptionLeavesTheOtherSourceAsASinglePointOfFailure() {
        SupplyNetwork net = example();
        Analysis a = SupplyChainEngine.analyze(net, new Disruption(Set.of(), Set.of("usa"), Set.of()));
        assertThat(a.disruptedNodes()).containsExactly("N2", "N9");
        assertThat(a.endItems().get(0).singlePointsOfFailure()).containsExactly("N1", "N5", "N7", "N8");
        assertThat(a.endItems().get(1).operational()).isFalse();
        assertThat(a.endItems().get(1).singlePointsOfFailure()).isEmpty();
        assertThat(a.stoppedEndItems()).containsExactly("SM-X");
        assertThat(a.inputsWithoutSource()).isEmpty();
    }

    @Test
    void disruptionsCombineAndReportTheInputsThatLostTheirLastSource() {
        SupplyNetwork net = example();
        Analysis a = SupplyChainEngine.analyze(net,
                new Disruption(Set.of("N9"), Set.of(), Set.of("Chem Co")));
        assertThat(a.disruptedNodes()).containsExactly("N5", "N9");
        assertThat(a.stoppedEndItems()).containsExactly("GPI-RM", "SM-X");
        assertThat(a.inputsWithoutSource()).containsExactly(
                new Analysis.LostInput("N1", "propellant"), new Analysis.LostInput("N2", "propellant"));
        assertThat(a.criticalNodes()).isEmpty();

        ResilienceAnalyzer.Impact impact = ResilienceAnalyzer.impact(net, new Disruption(Set.of("N8"), null, null));
        assertThat(impact.stoppedEndItems()).containsExactly("GPI-RM");
        assertThat(impact.inputsWithoutSource()).containsExactly(new Analysis.LostInput("N1", "casing"),
                new Analysis.LostInput("N7", "steel"));
        assertThat(impact.disruptedNodes()).isEqualTo(1);
        assertThat(impact.nonOperationalNodes()).isEqualTo(3);
    }

    @Test
    void anUnknownNodeInADisruptionIsRefused() {
        assertThatThrownBy(() -> SupplyChainEngine.analyze(example(), new Disruption(Set.of("N99"), null, null)))
                .isInstanceOf(NetworkException.class).hasMessage("the disruption names unknown node 'N99'");
    }

    @Test
    void concentrationPerInputAndPerEndItem() {
        Concentration c = SupplyChainEngine.concentration(example(), Set.of("JPN"));
        // N1 propellant: N5 (JPN, 30) and N9 (USA, 10): weighted by capacity 0.75 / 0.25, one company
        Concentration.Entry propellant = c.inputs().get(0);
        assertThat(propellant.node()).isEqualTo("N1");
        assertThat(propellant.item()).isEqualTo("propellant");
        assertThat(propellant.countryHhi()).isCloseTo(5625 + 625, within(1e-9));
        assertThat(propellant.companyHhi()).isCloseTo(10000, within(1e-9));
        assertThat(propellant.concernShare()).isCloseTo(0.75, within(1e-12));
        assertThat(propellant.topCountry()).isEqualTo("JPN");
        assertThat(propellant.topCountryShare()).isCloseTo(0.75, within(1e-12));
        // GPI-RM: sources N5, N9, N7, N8 (N8 has no capacity: equal weights): JPN 2, USA 1, AUS 1
        Concentration.Entry gpi = c.endItems().get(0);
        assertThat(gpi.endItem()).isEqualTo("GPI-RM");
        assertThat(gpi.node()).isEqualTo("N1");
        assertThat(gpi.item()).isNull();
        assertThat(gpi.countryHhi()).isCloseTo(2500 + 625 + 625, within(1e-9));
        assertThat(gpi.companyHhi()).isCloseTo(2500 + 625 + 625, within(1e-9));
        assertThat(gpi.concernShare()).isCloseTo(0.5, within(1e-12));
        assertThat(gpi.topCountry()).isEqualTo("JPN");
        // SM-X: one source, N5
        assertThat(c.endItems().get(1).countryHhi()).isCloseTo(10000, within(1e-9));
        assertThat(c.endItems().get(1).concernShare()).isCloseTo(1, within(1e-12));
    }

    @Test
    void exposuresRankNodesThatRecoverAfterTheInventoryRunsOut() {
        SupplyNetwork net = example();
        Analysis a = SupplyChainEngine.analyze(net, Disruption.NONE);
        // GPI-RM (90 days): N1 180 (90 short), N7 200 (110 short), N8 60 (fine); SM-X (100): N2 30, N5 400 (300)
        assertThat(SupplyChainEngine.exposures(net, a)).containsExactly(
                new Exposure("N5", 400, List.of("SM-X"), 300, 300),
                new Exposure("N7", 200, List.of("GPI-RM"), 110, 110),
                new Exposure("N1", 180, List.of("GPI-RM"), 90, 90));
    }

    @Test
    void theReportIsJsonWithEverySection() {
        SupplyNetwork net = example();
        Analysis a = SupplyChainEngine.analyze(net, Disruption.NONE);
        String json = NetworkJson.write(a, SupplyChainEngine.concentration(net, Set.of()),
                SupplyChainEngine.exposures(net, a));
        JsonNode root = JsonMapper.shared().readTree(json);
        assertThat(root.get("endItems").get(0).get("singlePointsOfFailure").toString())
                .isEqualTo("[\"N1\",\"N7\",\"N8\"]");
        for (String section : List.of("endItems", "criticalNodes", "stoppedEndItems", "inputsWithoutSource",
                "concentration", "exposures", "disruptedNodes")) {
            assertThat(root.has(section)).as(section).isTrue();
        }
    }

    @Test
    void theSpecRoundTripsThroughJson() {
        NetworkSpec spec = spec(EXAMPLE);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        NetworkJson.write(spec, out);
        NetworkSpec again = NetworkJson.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(again).isEqualTo(spec);
    }

    @Test
    void csvGivesTheSameNetworkAsJson() {
        String nodes = """
                id,name,company,country,ttrDays,capacity
                N1,Rocket motor line,Example Propulsion,JPN,180,120
                N2,,Other Motors,USA,30,
                N5,,Chem Co,JPN,400,30
                N9,,Chem Co,USA,90,10
                N7,,Casing KK,JPN,200,5
                N8,,Steel Pty,AUS,60,
                """;
        String inputs = """
                node,item,source
                N1,propellant,N5
                N1,casing,N7
                N1,propellant,N9
                N7,steel,N8
                N2,propellant,N5
                """;
        String endItems = """
                id,node,program,inventoryDays
                GPI-RM,N1,GPI,90
                SM-X,N2,SM,100
                """;
        NetworkSpec csv = NetworkCsv.read(new java.io.StringReader(nodes), new java.io.StringReader(inputs),
                new java.io.StringReader(endItems));
        SupplyNetwork net = SupplyChainEngine.compile(csv);
        assertThat(SupplyChainEngine.analyze(net, Disruption.NONE))
                .isEqualTo(SupplyChainEngine.analyze(example(), Disruption.NONE));
        // the sources column form
        String inputs2 = "node,item,sources\nN1,propellant,N5;N9\nN1,casing,N7\nN7,steel,N8\nN2,propellant,N5\n";
        NetworkSpec csv2 = NetworkCsv.read(new java.io.StringReader(nodes), new java.io.StringReader(inputs2),
                new java.io.StringReader(endItems));
        assertThat(csv2.inputs()).isEqualTo(csv.inputs());
    }

    @Test
    void aNodeWithoutInputsIsOperationalUnlessDisrupted() {
        SupplyNetwork net = SupplyChainEngine.compile(spec("""
                {"nodes":[{"id":"A"}],"endItems":[{"id":"E","node":"A"}]}"""));
        assertThat(SupplyChainEngine.analyze(net, Disruption.NONE).endItems().get(0))
                .isEqualTo(new Analysis.EndItemResult("E", "A", null, true, List.of("A")));
        Analysis down = SupplyChainEngine.analyze(net, new Disruption(Set.of("A"), null, null));
        assertThat(down.endItems().get(0).operational()).isFalse();
        assertThat(down.stoppedEndItems()).containsExactly("E");
        Concentration c = SupplyChainEngine.concentration(net, Set.of());
        assertThat(c.endItems().get(0).countryHhi()).isZero();
        assertThat(c.endItems().get(0).topCountry()).isNull();
    }

    @Test
    void singlePointsOfFailureAreSortedAsPlainStrings() {
        SupplyNetwork net = SupplyChainEngine.compile(spec("""
                {"nodes":[{"id":"n10"},{"id":"n9"},{"id":"N2"},{"id":"a"}],
                 "inputs":[{"node":"n10","item":"x","sources":["n9"]},{"node":"n9","item":"y","sources":["N2"]},
                           {"node":"N2","item":"z","sources":["a"]}],
                 "endItems":[{"id":"E","node":"n10"}]}"""));
        assertThat(SupplyChainEngine.analyze(net, Disruption.NONE).endItems().get(0).singlePointsOfFailure())
                .containsExactly("N2", "a", "n10", "n9");
    }
}
