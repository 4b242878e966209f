package org.dicas.disclosure.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dicas.disclosure.DisclosureWriteRules;
import org.dicas.disclosure.DisclosureRequest;
import org.dicas.disclosure.ForeignDisclosure;
import org.dicas.disclosure.RecordHistory;
import org.dicas.disclosure.ReleaseDecision;
import org.dicas.disclosure.ReleaseRequest;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.OrganizationKind;
import org.dicas.platform.FormErrors;
import org.dicas.platform.PrefixedTable;
import org.dicas.shared.Facets;
import org.dicas.shared.Page;
import org.dicas.shared.TableView;
import java.util.Optional;
import org.dicas.platform.ReaderTime;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class DisclosurePages {

    private final ForeignDisclosure disclosure;
    private final RecordHistory history;
    private final Directory directory;

    DisclosurePages(ForeignDisclosure disclosure, RecordHistory history, Directory directory) {
        this.disclosure = disclosure;
        this.history = history;
        this.directory = directory;
    }

    @GetMapping("/records/{id}/history")
    String history(DicasUser me, @PathVariable long id, Model model) {
        return historyPage(me, id, model, List.of());
    }

    private String historyPage(DicasUser me, long id, Model model, List<String> errors) {
        RecordHistory.View view = history.of(me, id, ReaderTime.locale());
        model.addAttribute("view", view);
        model.addAttribute("errors", errors);
        model.addAttribute("nations", directory.nations().stream().filter(n -> !n.code().equals(view.originNation())).toList());
        model.addAttribute("companies", directory.organizations().stream()
                .filter(o -> o.kind() == OrganizationKind.COMPANY).toList());
        model.addAttribute("exportControlled", Marking.parse(view.marking()).export().isPresent());
        model.addAttribute("canDecide", DisclosureWriteRules.decideRelease(me, NationCode.of(view.originNation())).allowed());
        model.addAttribute("pageMarking", Marking.parse(view.marking()));
        return "records/history";
    }

    @PostMapping("/records/{id}/disclosure-requests")
    String request(DicasUser me, @PathVariable long id, @RequestParam(required = false) List<String> nations,
                   @RequestParam(required = false) List<Long> companies,
                   @RequestParam(defaultValue = "") String justification, Model model) {
        try {
            disclosure.request(me, id, new ReleaseRequest(nations, companies, justification));
            return "redirect:/records/" + id + "/history";
        } catch (InvalidInputException e) {
            return historyPage(me, id, model, FormErrors.of(e));
        }
    }

    @PostMapping("/disclosure-requests/{id}/decision")
    String decide(DicasUser me, @PathVariable long id, @RequestParam String outcome,
                  @RequestParam(required = false) List<String> nations,
                  @RequestParam(required = false) List<Long> companies,
                  @RequestParam(required = false) LocalDate validTo,
                  @RequestParam(defaultValue = "") String reason, Model model) {
        DisclosureRequest d = disclosure.get(me, id);
        try {
            ReleaseDecision decision = new ReleaseDecision(nations == null ? List.of() : nations,
                    companies == null ? List.of() : companies, validTo, reason);
            switch (outcome) {
                case "approve" -> disclosure.approve(me, id, decision);
                case "deny" -> disclosure.deny(me, id, decision);
                default -> throw InvalidInputException.of("outcome", "disclosure.error.approveOrDeny");
            }
            return "redirect:/records/" + d.recordId() + "/history";
        } catch (InvalidInputException e) {
            return historyPage(me, d.recordId(), model, FormErrors.of(e));
        }
    }

    /**
     * The requests I made and, for a disclosure officer, those awaiting my decision: two lists on one page, each
     * sorted, filtered and paged on the server with its own query parameters ({@code mine.*}, {@code awaiting.*};
     * {@link PrefixedTable}), so that working one list leaves the other as it is. The banner is the high-water mark
     * of both pages shown.
     */
    @GetMapping("/disclosure-requests")
    String inbox(DicasUser me, Model model) {
        TableView mineView = PrefixedTable.view("mine");
        Optional<DisclosureRequest.Status> state = Facets.of("mine.state", DisclosureRequest.Status.class,
                PrefixedTable.parameter("mine", "state"));
        Page<DisclosureRequest> mine = disclosure.madeBy(me, state, PrefixedTable.paging("mine"), mineView);
        PrefixedTable.show(model, "mine", "/disclosure-requests", mine, mineView, ForeignDisclosure.MINE);
        model.addAttribute("mineState", state.map(Enum::name).orElse(""));
        model.addAttribute("states", DisclosureRequest.Status.values());
        List<DisclosureRequest> shown = new ArrayList<>(mine.items());
        if (me.disclosureOfficer()) {
            TableView awaitingView = PrefixedTable.view("awaiting");
            Page<DisclosureRequest> awaiting = disclosure.awaitingDecision(me, PrefixedTable.paging("awaiting"),
                    awaitingView);
            PrefixedTable.show(model, "awaiting", "/disclosure-requests", awaiting, awaitingView,
                    ForeignDisclosure.AWAITING);
            shown.addAll(awaiting.items());
        }
        model.addAttribute("pageMarking", MarkedList.highWaterMarkOf(shown, DisclosureRequest::marking));
        return "records/requests";
    }
}
