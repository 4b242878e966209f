package org.dicas.supplychain;

import java.time.Instant;
import org.dicas.shared.Marking;

/** A stored network version as a reader sees it: node counts are of the nodes they may read, plus how many are withheld. */
public record SupplyNetworkSummary(long id, Marking marking, String program, String name, int version,
                                   Instant importedAt, int nodes, int withheldNodes, int inputs, int endItems) {
}
