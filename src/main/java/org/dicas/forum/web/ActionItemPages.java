package org.dicas.forum.web;

import org.dicas.platform.ListPage;
import static org.dicas.shared.Sentences.render;
import org.dicas.shared.Sentence;

import java.util.List;
import java.util.Set;
import org.dicas.forum.ActionItem;
import org.dicas.forum.ActionItems;
import org.dicas.forum.ForumWriteRules;
import org.dicas.security.AuditLog;
import org.dicas.shared.ListHead;
import org.dicas.security.DicasUser;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.dicas.shared.Sentence;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/action-items")
class ActionItemPages {

    private final ActionItems actionItems;
    private final AuditLog audit;

    ActionItemPages(ActionItems actionItems, AuditLog audit) {
        this.actionItems = actionItems;
        this.audit = audit;
    }

    /** The selection a {@code filter} parameter names: mine, open, overdue, or all. */
    static ActionItems.Selection selection(String filter) {
        return switch (filter) {
            case "mine" -> new ActionItems.Selection(Set.of(), true);
            case "open" -> new ActionItems.Selection(Set.of(ActionItem.Status.OPEN, ActionItem.Status.OVERDUE), false);
            case "overdue" -> new ActionItems.Selection(Set.of(ActionItem.Status.OVERDUE), false);
            default -> ActionItems.Selection.ALL;
        };
    }

    @GetMapping
    String list(DicasUser me, @RequestParam(defaultValue = "all") String filter, Paging paging, TableView view,
                Model model) {
        Page<ActionItem> items = actionItems.list(me, selection(filter), paging, view);
        ListPage.show(model, "/action-items", view, ActionItems.COLUMNS, "items", items, ActionItem::marking);
        model.addAttribute("changeable", changeable(me, items.items()));
        model.addAttribute("filter", List.of("mine", "open", "overdue").contains(filter) ? filter : "all");
        return "action-items/list";
    }

    /** The ids of the action items the user may mark done or reopen: the row shows its button for those only. */
    static java.util.Set<Long> changeable(DicasUser me, List<ActionItem> items) {
        return items.stream().filter(a -> ForumWriteRules.changeActionItem(me, a).allowed()).map(ActionItem::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The export's columns, by their header keys in the bundles. */
    static final List<String> CSV_COLUMNS = List.of("id", "marking", "title", "owner", "due", "status", "meeting");

    /** At most this many action items go into one export (a last line says when more matched). */
    static final int CSV_LIMIT = 10_000;

    /**
     * CSV of the action items as the list page shows them — the same selection, text filter and sort, through the
     * same query, so only what the reader may read — in the reader's language (header row and status labels): a
     * UTF-8 byte-order mark, the banner (their high-water mark) as the first line, the header row right after it,
     * and the banner again as the last line; named in the reader's language (RFC 6266) and audited.
     */
    @GetMapping(value = "/export.csv")
    org.springframework.http.ResponseEntity<String> export(DicasUser me,
                                                           @RequestParam(defaultValue = "all") String filter,
                                                           TableView view, java.util.Locale locale) {
        ListHead<ActionItem> head = ListHead.of(CSV_LIMIT,
                paging -> actionItems.list(me, selection(filter), paging, view));
        List<ActionItem> items = head.items();
        var csv = new org.dicas.platform.CsvFile(
                org.dicas.shared.Marking.highWaterMark(items.stream().map(ActionItem::marking).toList()),
                CSV_COLUMNS.stream().map(c -> render(Sentence.label("action.csv", c), locale)).toList());
        items.forEach(a -> csv.row(List.of(a.id(), a.marking().banner(), a.title(), a.ownerName(), a.dueDate(),
                render(Sentence.label("action.status", a.status()), locale),
                a.meetingId() == null ? "" : a.meetingId())));
        if (head.cut()) {
            csv.row(List.of(render(Sentence.of("table.csv.more", items.size(), head.total()), locale)));
        }
        audit.exported(me, null, null, Sentence.of("action.csv.kind"), csv.banner());
        return csv.download("action.csv.filename", locale);
    }

    /** Marks done (or reopens); answers htmx with the updated table row, browsers without script with a redirect. */
    @PostMapping("/{id}/done")
    String done(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "true") boolean done,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "Referer", required = false) String referer, Model model) {
        ActionItem a = actionItems.setDone(me, id, done);
        if (htmx != null) {
            model.addAttribute("a", a);
            model.addAttribute("changeable", changeable(me, List.of(a)));
            return "action-items/list :: row(a=${a})";
        }
        return "redirect:" + (a.meetingId() != null ? "/meetings/" + a.meetingId() : "/action-items") + "#action-" + id;
    }
}
