package org.dicas.sosa.internal;

import org.dicas.platform.SortedBy;
import org.dicas.shared.TableView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.dicas.sosa.SosaAcknowledgement;
import org.dicas.sosa.SosaClosure;
import org.dicas.sosa.SosaRequest;
import org.dicas.sosa.SosaRequestCommand;
import org.dicas.sosa.SosaRequests;
import org.dicas.sosa.SosaResponseCommand;
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
@RequestMapping("/api/v1/sosa/requests")
@Tag(name = "Security of Supply requests")
class SosaApi {

    private final SosaRequests requests;

    SosaApi(SosaRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    @Operation(summary = "A page of the requests you may read, earliest needed-by first (then by id), with their ages; state = OPEN (default), "
            + "ALL, SUBMITTED, ACKNOWLEDGED, RESPONDED or CLOSED; nation = sent or received by that nation")
    MarkedList<SosaRequest> list(DicasUser me, @RequestParam(required = false) String state,
                                 @RequestParam(required = false) String nation, Paging paging,
                                 @SortedBy(SosaRequests.class) TableView view) {
        return MarkedList.page(requests.list(me, state, nation, paging, view), SosaRequest::highWaterMark);
    }

    @GetMapping("/{id}")
    SosaRequest get(DicasUser me, @PathVariable long id) {
        return requests.get(me, id);
    }

    @PostMapping
    @Operation(summary = "Submit a request to the other nation's SoSA office (government users)")
    ResponseEntity<SosaRequest> submit(DicasUser me, @Valid @RequestBody SosaRequestCommand command) {
        SosaRequest r = requests.submit(me, command);
        return ResponseEntity.created(URI.create("/api/v1/sosa/requests/" + r.id())).body(r);
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge a submitted request (government users of the receiving nation)")
    SosaRequest acknowledge(DicasUser me, @PathVariable long id,
                            @Valid @RequestBody(required = false) SosaAcknowledgement acknowledgement) {
        return requests.acknowledge(me, id, acknowledgement == null ? new SosaAcknowledgement("") : acknowledgement);
    }

    @PostMapping("/{id}/response")
    @Operation(summary = "Record the firm's response to an acknowledged request (government users of the receiving nation)")
    SosaRequest respond(DicasUser me, @PathVariable long id, @Valid @RequestBody SosaResponseCommand response) {
        return requests.respond(me, id, response);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a responded request with its outcome (government users of the requesting nation)")
    SosaRequest close(DicasUser me, @PathVariable long id, @Valid @RequestBody SosaClosure closure) {
        return requests.close(me, id, closure);
    }
}
