package org.dicas.supplychain.engine;

import java.util.List;

/**
 * Time-to-survive vs time-to-recover: a node is exposed when it is a single point of failure of an end item whose
 * inventory (days of supply) runs out before the node recovers ({@code ttrDays}). Days short = ttrDays − inventory
 * days; risk exposure index = the largest days short × the number of end items so exposed. Sorted by index, highest
 * first.
 */
public record Exposure(String node, int ttrDays, List<String> endItems, int maxDaysShort, long riskExposureIndex) {
}
