package org.dicas.supplychain.engine;

import java.util.List;
import java.util.Set;

/** The entry point the command line, the server and the benchmarks use. */
public final class SupplyChainEngine {

    private SupplyChainEngine() {
    }

    /** Validates a network (duplicate ids, unknown nodes, inputs without sources, cycles) and compiles it. */
    public static SupplyNetwork compile(NetworkSpec spec) {
        return SupplyNetwork.compile(spec);
    }

    public static Analysis analyze(SupplyNetwork network, Disruption disruption) {
        return ResilienceAnalyzer.analyze(network, disruption);
    }

    public static Concentration concentration(SupplyNetwork network, Set<String> countriesOfConcern) {
        return ConcentrationAnalyzer.analyze(network, countriesOfConcern);
    }

    public static List<Exposure> exposures(SupplyNetwork network, Analysis analysis) {
        return SurvivalAnalyzer.analyze(network, analysis);
    }
}
