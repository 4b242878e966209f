package org.dicas.requirements.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicas.platform.FormValues;
import org.dicas.requirements.FeedSubscription;
import org.dicas.requirements.FeedSubscriptionCommand;
import org.dicas.requirements.Feeds;
import org.dicas.requirements.Lead;
import org.dicas.requirements.LeadCommand;
import org.dicas.requirements.LeadSource;
import org.dicas.requirements.Leads;
import org.dicas.requirements.Opportunity;
import org.dicas.requirements.OpportunityCommand;
import org.dicas.requirements.OpportunityFinderService;
import org.dicas.requirements.Pipeline;
import org.dicas.requirements.RequirementWriteRules;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.dicas.platform.Pager;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.platform.Flash;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.dicas.platform.Table;
import org.dicas.shared.TableView;

/**
 * The leads pages: the list with the forms to enter a lead, import CSV/JSON, upload a feed file and subscribe to
 * feeds (with "poll now" and the last error of each); one lead with its best-matching requirements and "Promote".
 */
@Controller
class LeadPages {

    static final String DEFAULT_MARKING = "CUI//REL TO USA, JPN";

    private final Leads leads;
    private final Feeds feeds;
    private final OpportunityFinderService finder;
    private final Pipeline pipeline;

    LeadPages(Leads leads, Feeds feeds, OpportunityFinderService finder, Pipeline pipeline) {
        this.leads = leads;
        this.feeds = feeds;
        this.finder = finder;
        this.pipeline = pipeline;
    }

    @GetMapping("/leads")
    String list(DicasUser me, Paging paging, TableView view, Model model) {
        return list(me, paging, view, model, List.of(), Map.of(), null, "");
    }

    /**
     * The leads page after a form was posted: the first page of the list, the form named {@code openForm} open (the
     * one that came back with errors).
     */
    private String list(DicasUser me, Model model, List<String> errors, Map<String, String> posted, String notice,
                        String openForm) {
        return list(me, Paging.FIRST, TableView.NONE, model, errors, posted, notice, openForm);
    }

    private String list(DicasUser me, Paging paging, TableView view, Model model, List<String> errors,
                        Map<String, String> posted, String notice, String openForm) {
        model.addAttribute("openForm", openForm);
        Page<Lead> all = leads.list(me, paging, view);
        Table.show(model, "/leads", view, Leads.COLUMNS);
        List<FeedSubscription> subs = feeds.list(me);
        model.addAttribute("leads", all.items());
        model.addAttribute("pager", Pager.of(all, "/leads"));
        model.addAttribute("feeds", subs);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("mayEnterLead", RequirementWriteRules.enterLead(me).allowed());
        model.addAttribute("mayImportLeads", RequirementWriteRules.importLeads(me).allowed());
        model.addAttribute("maySubscribeToFeed", RequirementWriteRules.subscribeToFeed(me).allowed());
        model.addAttribute("pollable", subs.stream().filter(f -> RequirementWriteRules.pollFeed(me, f).allowed())
                .map(FeedSubscription::id).collect(java.util.stream.Collectors.toSet()));
        Map<String, String> values = new HashMap<>(Map.of("sourceType", "", "sourceName", "", "date", "",
                "title", "", "text", "", "link", "", "marking", DEFAULT_MARKING, "url", "", "name", "",
                "pollMinutes", String.valueOf(Feeds.DEFAULT_POLL_MINUTES)));
        values.putAll(posted);
        model.addAttribute("posted", values);
        List<Marking> m = new ArrayList<>();
        all.items().forEach(l -> m.add(l.marking()));
        subs.forEach(f -> m.add(f.marking()));
        model.addAttribute("pageMarking", Marking.highWaterMark(m));
        return "leads/list";
    }

    @PostMapping("/leads")
    String create(DicasUser me, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        try {
            Lead l = leads.create(me, new LeadCommand(form.get("sourceType"), form.get("sourceName"),
                    FormValues.date("date", form.getOrDefault("date", "")), form.get("title"), form.get("text"),
                    form.get("link"), form.get("marking")));
            return Flash.say(flash, "/leads/" + l.id(), "flash.lead.created", l.title());
        } catch (InvalidInputException | InvalidMarkingException e) {
            return list(me, model, List.of(OpportunityPages.message(e)), form, null, "lead");
        }
    }

    @PostMapping("/leads/import")
    String importFile(DicasUser me, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(defaultValue = DEFAULT_MARKING) String marking, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "lead.error.chooseFile");
            }
            int n = leads.importAll(me, LeadImport.read(file.getOriginalFilename(),
                    new String(file.getBytes(), StandardCharsets.UTF_8), marking)).size();
            return list(me, model, List.of(), Map.of(), String.valueOf(n), "");
        } catch (InvalidInputException | InvalidMarkingException e) {
            return list(me, model, List.of(OpportunityPages.message(e)), Map.of(), null, "import");
        }
    }

    @PostMapping("/leads/feed-file")
    String feedFile(DicasUser me, @RequestParam(required = false) MultipartFile file,
                    @RequestParam(defaultValue = "") String sourceType, @RequestParam(defaultValue = "") String sourceName,
                    @RequestParam(defaultValue = DEFAULT_MARKING) String marking, Model model) throws IOException {
        try {
            int n = feeds.importFile(me, file == null ? null : file.getBytes(), sourceType, sourceName, marking);
            return list(me, model, List.of(), Map.of(), String.valueOf(n), "");
        } catch (InvalidInputException | InvalidMarkingException e) {
            return list(me, model, List.of(OpportunityPages.message(e)), Map.of(), null, "feedFile");
        }
    }

    @PostMapping("/leads/feeds")
    String subscribe(DicasUser me, @RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
        try {
            FeedSubscription f = feeds.subscribe(me, new FeedSubscriptionCommand(form.get("url"), form.get("name"), form.get("sourceType"),
                    form.get("marking"), FormValues.integer("pollMinutes", form.getOrDefault("pollMinutes", ""))));
            return Flash.say(flash, "/leads#feeds", "flash.feed.subscribed", f.name());
        } catch (InvalidInputException | InvalidMarkingException e) {
            return list(me, model, List.of(OpportunityPages.message(e)), form, null, "feed");
        }
    }

    @PostMapping("/leads/feeds/{id}/poll")
    String poll(DicasUser me, @PathVariable long id) {
        feeds.pollNow(me, id);
        return "redirect:/leads#feeds";
    }

    @GetMapping("/leads/{id}")
    String lead(DicasUser me, @PathVariable long id, Model model) {
        return lead(me, id, model, List.of());
    }

    private String lead(DicasUser me, long id, Model model, List<String> errors) {
        Lead l = leads.get(me, id);
        List<OpportunityFinderService.Match> matches = finder.matchLead(me, l, OpportunityFinderService.DEFAULT_TOP);
        model.addAttribute("l", l);
        model.addAttribute("matches", matches);
        model.addAttribute("errors", errors);
        model.addAttribute("mayTrack", RequirementWriteRules.trackOpportunity(me).allowed());
        List<Marking> m = new ArrayList<>();
        m.add(l.marking());
        matches.forEach(x -> m.add(x.marking()));
        model.addAttribute("pageMarking", Marking.highWaterMark(m));
        return "leads/detail";
    }

    /** Promote: a pipeline opportunity from the lead, linked to the requirements ticked (CANDIDATE with two nations). */
    @PostMapping("/leads/{id}/promote")
    String promote(DicasUser me, @PathVariable long id, @RequestParam(required = false) List<String> requirementIds,
                   Model model, RedirectAttributes flash) {
        Lead l = leads.get(me, id);
        try {
            List<Long> ids = new ArrayList<>();
            for (String s : requirementIds == null ? List.<String>of() : requirementIds) {
                ids.add(FormValues.id("requirementIds", s));
            }
            Opportunity o = pipeline.create(me, new OpportunityCommand(l.title(), ids, l.id(), null, "", null, null,
                    null, ""));
            return Flash.say(flash, "/opportunities/" + o.id(), "flash.lead.promoted", o.title());
        } catch (InvalidInputException | InvalidMarkingException e) {
            return lead(me, id, model, List.of(OpportunityPages.message(e)));
        }
    }
}
