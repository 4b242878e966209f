package org.dicas.disclosure.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.dicas.disclosure.DisclosureRequest;
import org.dicas.disclosure.ForeignDisclosure;
import org.dicas.disclosure.RecordHistory;
import org.dicas.disclosure.ReleaseDecision;
import org.dicas.disclosure.ReleaseRequest;
import org.dicas.security.DicasUser;
import org.dicas.platform.SortedBy;
import org.dicas.shared.Facets;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Foreign disclosure")
class DisclosureApi {

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

    @GetMapping("/api/v1/disclosure-requests/mine")
    @Operation(summary = "A page of the requests you made (on records you can still read), newest first unless sorted "
            + "otherwise, of one state when asked (state=PENDING|APPROVED|DENIED); each marked by its record, the list "
            + "by the high-water mark of the page")
    MarkedList<DisclosureRequest> mine(DicasUser me, Paging paging,
                                       @SortedBy(value = ForeignDisclosure.class, columns = "MINE") TableView view,
                                       @RequestParam(required = false) String state) {
        return MarkedList.page(disclosure.madeBy(me, Facets.of("state", DisclosureRequest.Status.class, state), paging,
                view), DisclosureRequest::marking);
    }

    @GetMapping("/api/v1/disclosure-requests/awaiting")
    @Operation(summary = "A page of the pending requests awaiting your decision (disclosure officers: records of your "
            + "nation that you can read; anyone else: none), oldest first unless sorted otherwise; each marked by its "
            + "record, the list by the high-water mark of the page")
    MarkedList<DisclosureRequest> awaiting(DicasUser me, Paging paging,
                                           @SortedBy(value = ForeignDisclosure.class, columns = "AWAITING")
                                           TableView view) {
        return MarkedList.page(disclosure.awaitingDecision(me, paging, view), DisclosureRequest::marking);
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
