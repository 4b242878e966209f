package org.dicas.forum.api;

import org.dicas.shared.TableView;
import org.dicas.platform.SortedBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.dicas.shared.ExpectedVersion;
import org.dicas.forum.ActionItem;
import org.dicas.forum.ActionItemCommand;
import org.dicas.forum.ActionItemPatch;
import org.dicas.forum.ActionItems;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/action-items")
@Tag(name = "Action items")
class ActionItemApi {

    private final ActionItems actionItems;

    ActionItemApi(ActionItems actionItems) {
        this.actionItems = actionItems;
    }

    @GetMapping
    @Operation(summary = "A page of the action items you may read (of one status, your own if mine=true), soonest due"
            + " first, then by id")
    MarkedList<ActionItem> list(DicasUser me, @RequestParam(required = false) ActionItem.Status status,
                                @RequestParam(defaultValue = "false") boolean mine, Paging paging,
                                @SortedBy(ActionItems.class) TableView view) {
        var selection = new ActionItems.Selection(status == null ? Set.of() : Set.of(status), mine);
        return MarkedList.page(actionItems.list(me, selection, paging, view), ActionItem::marking);
    }

    /** A bulk export: every action item the caller may read, page by page, each under its own banner. */
    @GetMapping("/export")
    @Operation(summary = "Every action item you may read, page by page (soonest due first, then by id)")
    MarkedList<ActionItem> export(DicasUser me, Paging paging) {
        return MarkedList.page(actionItems.list(me, ActionItems.Selection.ALL, paging), ActionItem::marking);
    }

    @GetMapping("/{id}")
    ActionItem get(DicasUser me, @PathVariable long id) {
        return actionItems.get(me, id);
    }

    @PostMapping
    ResponseEntity<ActionItem> create(DicasUser me, @Valid @RequestBody ActionItemCommand command) {
        ActionItem a = actionItems.create(me, command);
        return ResponseEntity.created(URI.create("/api/v1/action-items/" + a.id())).body(a);
    }

    @PatchMapping(value = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change some fields of an action item (If-Match: its version): those the body names, e.g. "
            + "{\"dueDate\":\"2027-01-15\",\"ownerId\":7}; the others stay. Its owner or a government user may")
    ActionItem patch(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                     @Valid @RequestBody ActionItemPatch patch) {
        return actionItems.patch(me, id, expected, patch);
    }

    @PutMapping("/{id}")
    ActionItem update(DicasUser me, @PathVariable long id, ExpectedVersion expected, @Valid @RequestBody ActionItemCommand command) {
        return actionItems.update(me, id, expected, command);
    }
}
