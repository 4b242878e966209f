package org.dicas.supplychain.internal;

import org.dicas.platform.SortedBy;
import org.dicas.shared.TableView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Set;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.dicas.supplychain.NetworkAnalyses;
import org.dicas.supplychain.NetworkAnalysisView;
import org.dicas.supplychain.NetworkGraph;
import org.dicas.supplychain.NetworkImport;
import org.dicas.supplychain.SupplyNetworkSummary;
import org.dicas.supplychain.SupplyNetworks;
import org.dicas.supplychain.engine.Disruption;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.dicas.shared.Paging;

@RestController
@RequestMapping("/api/v1/supply-chain/networks")
@Tag(name = "Supply-chain resilience")
class SupplyChainApi {

    private final SupplyNetworks networks;
    private final NetworkAnalyses analyses;
    private final NetworkGraph graphs;

    SupplyChainApi(SupplyNetworks networks, NetworkAnalyses analyses, NetworkGraph graphs) {
        this.networks = networks;
        this.analyses = analyses;
        this.graphs = graphs;
    }

    @GetMapping
    @Operation(summary = "A page of the supply networks you may read, by program, newest version first, then by id")
    MarkedList<SupplyNetworkSummary> list(DicasUser me, Paging paging,
                                          @SortedBy(SupplyNetworks.class) TableView view) {
        return MarkedList.page(networks.list(me, paging, view), SupplyNetworkSummary::marking);
    }

    @PostMapping
    @Operation(summary = "Import a network as the next version of its program (validated; nodes may carry markings)")
    ResponseEntity<SupplyNetworkSummary> importNetwork(DicasUser me, @Valid @RequestBody NetworkImport body) {
        SupplyNetworkSummary s = networks.importNetwork(me, body);
        return ResponseEntity.created(URI.create("/api/v1/supply-chain/networks/" + s.id())).body(s);
    }

    @PostMapping(value = "/csv", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import nodes.csv + inputs.csv (+ endItems.csv) as the next version; errors name file and line")
    ResponseEntity<SupplyNetworkSummary> importCsv(DicasUser me, @RequestParam String program, @RequestParam String name,
            @RequestParam String marking, @RequestParam(required = false) org.springframework.web.multipart.MultipartFile nodes,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile inputs,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile endItems)
            throws java.io.IOException {
        NetworkImport imp = CsvImport.read(program, name, marking, nodes, inputs, endItems);
        SupplyNetworkSummary s = networks.importNetwork(me, imp);
        return ResponseEntity.created(URI.create("/api/v1/supply-chain/networks/" + s.id())).body(s);
    }

    @GetMapping("/{id}")
    SupplyNetworkSummary get(DicasUser me, @PathVariable long id) {
        return networks.summary(me, id);
    }

    @GetMapping("/{id}/analysis")
    @Operation(summary = "Single points of failure, criticality, what-if disruption, concentration and exposure")
    NetworkAnalysisView analysis(DicasUser me, @PathVariable long id,
                                 @RequestParam(required = false) Set<String> disruptNode,
                                 @RequestParam(required = false) Set<String> disruptCountry,
                                 @RequestParam(required = false) Set<String> disruptCompany,
                                 @RequestParam(required = false) Set<String> concern) {
        return analyses.analyze(me, id, new Disruption(disruptNode, disruptCountry, disruptCompany),
                concern == null ? Set.of() : concern);
    }

    @GetMapping("/{id}/graph")
    NetworkGraph.Graph graph(DicasUser me, @PathVariable long id, @RequestParam String endItem) {
        return graphs.upstream(me, id, endItem);
    }
}
