package org.dicas.sosa.internal;

import org.dicas.platform.Table;
import org.dicas.shared.TableView;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dicas.platform.FormErrors;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.dicas.sosa.SosaAcknowledgement;
import org.dicas.sosa.SosaClosure;
import org.dicas.sosa.SosaRequest;
import org.dicas.sosa.SosaRequestCommand;
import org.dicas.sosa.SosaRequests;
import org.dicas.sosa.SosaResponseCommand;
import org.dicas.sosa.SosaWriteRules;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.dicas.platform.Pager;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;

/** The SoSA request pages: open requests with their ages, the new-request form, and one request with its steps. */
@Controller
@RequestMapping("/sosa/requests")
class SosaPages {

    static final List<String> STATES = Stream.concat(Stream.of(SosaRequests.OPEN, SosaRequests.ALL),
            Arrays.stream(SosaRequest.Status.values()).map(Enum::name)).toList();

    private final SosaRequests requests;
    private final Directory directory;
    private final Validator validator;

    private final org.dicas.attachments.Attachments attachments;

    SosaPages(SosaRequests requests, Directory directory, Validator validator,
              org.dicas.attachments.Attachments attachments) {
        this.attachments = attachments;
        this.requests = requests;
        this.directory = directory;
        this.validator = validator;
    }

    @GetMapping
    String list(DicasUser me, @RequestParam(required = false) String state,
                @RequestParam(required = false) String nation, Paging paging, TableView view, Model model) {
        String st = state == null || state.isBlank() ? SosaRequests.OPEN : state.strip().toUpperCase(Locale.ROOT);
        String na = nation == null ? "" : nation.strip().toUpperCase(Locale.ROOT);
        Table.show(model, "/sosa/requests", view, SosaRequests.COLUMNS); // an unknown sort key: the 400 page
        List<String> errors = List.of();
        Page<SosaRequest> shown;
        try {
            shown = requests.list(me, st, na, paging, view);
        } catch (InvalidInputException e) {
            errors = errors(e);
            st = SosaRequests.OPEN;
            na = "";
            shown = requests.list(me, st, na, Paging.FIRST);
        }
        model.addAttribute("requests", shown.items());
        model.addAttribute("pager", Pager.of(shown));
        model.addAttribute("state", st);
        model.addAttribute("nation", na);
        model.addAttribute("states", STATES);
        model.addAttribute("nations", directory.nations());
        model.addAttribute("maySubmit", SosaWriteRules.submitRequest(me).allowed());
        model.addAttribute("errors", errors);
        List<Marking> markings = new ArrayList<>();
        for (SosaRequest r : shown.items()) {
            markings.add(r.marking());
            if (r.supplierNode() != null) {
                markings.add(r.supplierNode().marking());
            }
        }
        model.addAttribute("pageMarking", Marking.highWaterMark(markings));
        return "sosa/list";
    }

    @GetMapping("/new")
    String newRequest(DicasUser me, Model model) {
        return form(me, model, new SosaRequestForm(), List.of());
    }

    @PostMapping
    String submit(DicasUser me, @ModelAttribute("form") SosaRequestForm form, Model model) {
        List<String> errors;
        try {
            SosaRequestCommand command = form.command();
            errors = FormErrors.violations(validator, command);
            if (errors.isEmpty()) {
                return "redirect:/sosa/requests/" + requests.submit(me, command).id();
            }
        } catch (InvalidInputException | InvalidMarkingException e) {
            errors = errors(e);
        }
        return form(me, model, form, errors);
    }

    @GetMapping("/{id}")
    String request(DicasUser me, @PathVariable long id, Model model) {
        return detail(me, id, model, List.of(), Map.of());
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "") String note, Model model) {
        SosaAcknowledgement a = new SosaAcknowledgement(note);
        return step(me, id, model, a, Map.of("ackNote", note), () -> requests.acknowledge(me, id, a));
    }

    @PostMapping("/{id}/response")
    String respond(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "") String response,
                   @RequestParam(defaultValue = "") String promisedDate,
                   @RequestParam(defaultValue = "") String promisedQuantity,
                   @RequestParam(defaultValue = "") String note, Model model) {
        Map<String, String> posted = Map.of("response", response, "promisedDate", promisedDate,
                "promisedQuantity", promisedQuantity, "responseNote", note);
        SosaResponseCommand c;
        try {
            c = new SosaResponseCommand(response(response), SosaRequestForm.date("promisedDate", promisedDate),
                    SosaRequestForm.integer("promisedQuantity", promisedQuantity), note);
        } catch (InvalidInputException e) {
            return detail(me, id, model, errors(e), posted);
        }
        return step(me, id, model, c, posted, () -> requests.respond(me, id, c));
    }

    @PostMapping("/{id}/close")
    String close(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "") String outcome, Model model) {
        SosaClosure c = new SosaClosure(outcome);
        return step(me, id, model, c, Map.of("outcome", outcome), () -> requests.close(me, id, c));
    }

    private String step(DicasUser me, long id, Model model, Object command, Map<String, String> posted, Runnable action) {
        List<String> errors = FormErrors.violations(validator, command);
        if (errors.isEmpty()) {
            try {
                action.run();
                return "redirect:/sosa/requests/" + id;
            } catch (InvalidInputException e) {
                errors = errors(e);
            }
        }
        return detail(me, id, model, errors, posted);
    }

    private static SosaRequest.Response response(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SosaRequest.Response.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw SosaRequests.responseRequired();
        }
    }

    private String detail(DicasUser me, long id, Model model, List<String> errors, Map<String, String> posted) {
        SosaRequest r = requests.get(me, id);
        model.addAttribute("r", r);
        model.addAttribute("actions", requests.allowedActions(me, r).stream().map(Enum::name).toList());
        model.addAttribute("responses", SosaRequest.Response.values());
        model.addAttribute("errors", errors);
        Map<String, String> values = new HashMap<>(Map.of("ackNote", "", "response", "", "promisedDate", "",
                "promisedQuantity", "", "responseNote", "", "outcome", ""));
        values.putAll(posted);
        model.addAttribute("posted", values);
        model.addAttribute("today", requests.today());
        List<Marking> markings = new ArrayList<>();
        markings.add(r.marking());
        if (r.supplierNode() != null) {
            markings.add(r.supplierNode().marking());
        }
        r.linkedNodes().forEach(n -> markings.add(n.marking()));
        model.addAttribute("pageMarking", attachments.pageMarking(me, Marking.highWaterMark(markings), id));
        return "sosa/detail";
    }

    /** The new-request form, shown (again, with errors) only to a user the rule lets submit; others get its 403. */
    private String form(DicasUser me, Model model, SosaRequestForm form, List<String> errors) {
        SosaWriteRules.submitRequest(me).orThrow();
        List<SosaRequest.NodeRef> nodes = requests.supplyNodes(me);
        model.addAttribute("form", form);
        model.addAttribute("nodes", nodes);
        model.addAttribute("nations", directory.nations().stream()
                .filter(n -> !n.code().equals(me.nation().code())).toList());
        model.addAttribute("today", requests.today());
        model.addAttribute("errors", errors);
        model.addAttribute("pageMarking", Marking.highWaterMark(nodes.stream().map(SosaRequest.NodeRef::marking).toList()));
        return "sosa/form";
    }

    private static List<String> errors(RuntimeException e) {
        return org.dicas.platform.FormErrors.of(e);
    }
}
