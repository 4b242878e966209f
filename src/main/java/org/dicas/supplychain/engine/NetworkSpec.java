package org.dicas.supplychain.engine;

import java.util.List;

/** A supply network as read from JSON or CSV, before validation. */
public record NetworkSpec(List<Node> nodes, List<Input> inputs, List<EndItem> endItems) {

    /** A site of a company, in a country, making something. Optional fields may be null. */
    public record Node(String id, String name, String company, String country, Integer ttrDays, Double capacity) {
    }

    /** One input of a node: any one operational source suffices. */
    public record Input(String node, String item, List<String> sources) {
    }

    /** A program's end item, made at a node; {@code inventoryDays} (optional) is its days of supply on hand. */
    public record EndItem(String id, String node, String program, Integer inventoryDays) {
    }

    public NetworkSpec {
        nodes = nodes == null ? List.of() : nodes;
        inputs = inputs == null ? List.of() : inputs;
        endItems = endItems == null ? List.of() : endItems;
    }
}
