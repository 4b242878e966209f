package org.dicas.disclosure.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.dicas.disclosure.DisclosureRequest;
import org.dicas.disclosure.ForeignDisclosure;
import org.dicas.disclosure.RecordHistory;
import org.dicas.disclosure.ReleaseDecision;
import org.dicas.disclosure.ReleaseRequest;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Marking;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Foreign disclosure")
class DisclosureApi {

    /** Both lists of the inbox; {@code marking} is the high-water mark of every request in them. */
    record Requests(Marking marking, List<DisclosureRequest> awaitingMyDecision, List<DisclosureRequest> mine) {
        static Requests of(List<DisclosureRequest> awaiting, List<DisclosureRequest> mine) {
            List<DisclosureRequest> all = new ArrayList<>(awaiting);
            all.addAll(mine);
            return new Requests(MarkedList.highWaterMarkOf(all, DisclosureRequest::marking), awaiting, mine);
        }
    }

    private final ForeignDisclosure disclosure;
    private final RecordHistory history;

    DisclosureApi(ForeignDisclosure disclosure, RecordHistory history) {
        this.disclosure = disclosure;
        this.history = history;
    }

    @PostMapping("/api/v1/records/{id}/disclosure-requests")
    @Operation(summary = "Ask that a record you can read be released to more nations or companies")
    ResponseEntity<DisclosureRequest> request(DicasUser me, @PathVariable long id, @Valid @RequestBody ReleaseRequest r) {
        DisclosureRequest d = disclosure.request(me, id, r);
        return ResponseEntity.created(URI.create("/api/v1/disclosure-requests/" + d.id())).body(d);
    }

    @GetMapping("/api/v1/records/{id}/history")
    @Operation(summary = "Who created and changed a record, its release requests and decisions, its authorizations")
    RecordHistory.View history(DicasUser me, @PathVariable long id, java.util.Locale locale) {
        return history.of(me, id, locale);
    }

    @GetMapping("/api/v1/disclosure-requests")
    @Operation(summary = "Requests awaiting your decision and requests you made, each marked by its record; the "
            + "top-level marking is the high-water mark of both lists")
    Requests list(DicasUser me) {
        return Requests.of(disclosure.awaitingDecision(me), disclosure.madeBy(me));
    }

    @GetMapping("/api/v1/disclosure-requests/{id}")
    DisclosureRequest get(DicasUser me, @PathVariable long id) {
        return disclosure.get(me, id);
    }

    @PostMapping("/api/v1/disclosure-requests/{id}/approve")
    @Operation(summary = "Approve (optionally narrower than asked); disclosure officers of the originating nation only")
    DisclosureRequest approve(DicasUser me, @PathVariable long id, @Valid @RequestBody ReleaseDecision decision) {
        return disclosure.approve(me, id, decision);
    }

    @PostMapping("/api/v1/disclosure-requests/{id}/deny")
    @Operation(summary = "Deny with a reason; disclosure officers of the originating nation only")
    DisclosureRequest deny(DicasUser me, @PathVariable long id, @Valid @RequestBody ReleaseDecision decision) {
        return disclosure.deny(me, id, decision);
    }
}
