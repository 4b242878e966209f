package org.dicas.supplychain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A network to import as a new version of a program's network. Nodes may carry their own marking (default: the
 * network's) and, when PROPIN, the name of the owning company (an organization of kind COMPANY).
 */
public record NetworkImport(@NotBlank @Size(max = 100) String program, @NotBlank @Size(max = 200) String name,
                            @NotBlank @Size(max = 500) String marking, @NotNull @Valid Network network) {

    public record Network(@Size(max = 20000) List<Node> nodes, @Size(max = 100000) List<Input> inputs,
                          @Size(max = 1000) List<EndItem> endItems) {
        public Network {
            nodes = nodes == null ? List.of() : nodes;
            inputs = inputs == null ? List.of() : inputs;
            endItems = endItems == null ? List.of() : endItems;
        }
    }

    public record Node(String id, String name, String company, String country, Integer ttrDays, Double capacity,
                       String marking, String owningCompany) {
    }

    public record Input(String node, String item, List<String> sources) {
    }

    public record EndItem(String id, String node, String program, Integer inventoryDays) {
    }

    /** A network read by the engine (e.g. from CSV files); every node takes the network's marking. */
    public static NetworkImport of(String program, String name, String marking,
                                   org.dicas.supplychain.engine.NetworkSpec spec) {
        return new NetworkImport(program, name, marking, new Network(
                spec.nodes().stream().map(n -> new Node(n.id(), n.name(), n.company(), n.country(), n.ttrDays(),
                        n.capacity(), null, null)).toList(),
                spec.inputs().stream().map(i -> new Input(i.node(), i.item(), i.sources())).toList(),
                spec.endItems().stream().map(e -> new EndItem(e.id(), e.node(), e.program(), e.inventoryDays())).toList()));
    }
}
