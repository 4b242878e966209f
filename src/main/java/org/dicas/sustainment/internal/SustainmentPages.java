package org.dicas.sustainment.internal;

import org.dicas.platform.CsvFile;
import org.dicas.platform.ListExport;
import org.dicas.platform.Pager;
import org.dicas.security.AuditLog;
import org.dicas.shared.ListHead;
import org.dicas.shared.Sentence;
import org.springframework.http.ResponseEntity;
import org.dicas.platform.Table;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.OrganizationKind;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentences;
import org.dicas.sustainment.ForeignRepairRule;
import org.dicas.sustainment.RepairEligibility;
import org.dicas.sustainment.RepairFacilities;
import org.dicas.sustainment.RepairFacility;
import org.dicas.sustainment.RepairJob;
import org.dicas.sustainment.RepairJobs;
import org.dicas.sustainment.SustainmentWriteRules;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sustainment pages: overview, facilities (list, new, one), jobs (list, new, one with eligibility and pin). */
@Controller
@RequestMapping("/sustainment")
class SustainmentPages {

    static final List<String> KINDS = List.of("DRYDOCK", "PIER", "HANGAR");
    static final String DEFAULT_MARKING = "CUI//REL TO USA, JPN";

    private final RepairFacilities facilities;
    private final RepairJobs jobs;
    private final Directory directory;
    private final AuditLog audit;

    SustainmentPages(RepairFacilities facilities, RepairJobs jobs, Directory directory, AuditLog audit) {
        this.facilities = facilities;
        this.jobs = jobs;
        this.directory = directory;
        this.audit = audit;
    }

    /** At most this many rows go into one export of a list (a last line says when more matched). */
    static final int CSV_LIMIT = 10_000;

    /** The facilities export's columns, by their header keys ({@code lists27.csv.facility.*}). */
    static final List<String> FACILITY_CSV = List.of("id", "marking", "code", "name", "nation", "resources",
            "certifications");

    /**
     * CSV of the facilities as the list page shows them (text filter and sort; only what the reader may read), in the
     * reader's language, the banner first and last, named in the reader's language and audited.
     */
    @GetMapping("/facilities/export.csv")
    ResponseEntity<String> facilitiesCsv(DicasUser me, TableView view, Locale locale) {
        CsvFile csv = ListExport.of(ListHead.of(CSV_LIMIT, paging -> facilities.list(me, paging, view)),
                RepairFacility::marking, "lists27.csv.facility", FACILITY_CSV, locale,
                f -> List.of(f.id(), f.marking().banner(), f.code(), f.name(),
                        Sentences.render(Sentence.nation(f.nation()), locale),
                        String.join(Sentences.render(Sentence.of("sentence.listSeparator"), locale),
                                f.resources().stream().map(r -> Sentences.render(Sentence.of("sus.resourceWithKind",
                                        r.code(), Sentence.label("sus.kind", r.kind())), locale)).toList()),
                        String.join(" ", f.certifications())));
        audit.exported(me, null, null, Sentence.of("lists27.csv.facility.kind"), csv.banner());
        return csv.download("lists27.csv.facility.filename", locale);
    }

    /** The jobs export's columns, by their header keys ({@code lists27.csv.job.*}). */
    static final List<String> JOB_CSV = List.of("id", "marking", "code", "asset", "flag", "priority", "earliestStart",
            "due", "duration", "foreignRepair", "pinned");

    /** CSV of the repair jobs as the list page shows them, as {@link #facilitiesCsv}. */
    @GetMapping("/jobs/export.csv")
    ResponseEntity<String> jobsCsv(DicasUser me, TableView view, Locale locale) {
        CsvFile csv = ListExport.of(ListHead.of(CSV_LIMIT, paging -> jobs.list(me, paging, view)),
                RepairJob::marking, "lists27.csv.job", JOB_CSV, locale,
                j -> List.of(j.id(), j.marking().banner(), j.code(), j.asset(),
                        Sentences.render(Sentence.nation(j.flagNation()), locale), j.priority(), j.earliestStart(),
                        j.dueDate(), j.durationDays(), Sentences.render(Sentence.of(j.foreignRepairAllowed()
                                ? "sus.allowed" : "sus.notAllowed"), locale),
                        j.pinnedResource() == null ? "" : j.pinnedResource() + " " + j.pinnedStart()));
        audit.exported(me, null, null, Sentence.of("lists27.csv.job.kind"), csv.banner());
        return csv.download("lists27.csv.job.filename", locale);
    }

    @GetMapping
    String overview(DicasUser me, Model model) {
        List<RepairFacility> fs = facilities.list(me);
        List<RepairJob> js = jobs.list(me);
        model.addAttribute("facilityCount", fs.size());
        model.addAttribute("jobCount", js.size());
        model.addAttribute("pinnedCount", js.stream().filter(j -> j.pinnedResource() != null).count());
        List<Marking> markings = new ArrayList<>(fs.stream().map(RepairFacility::marking).toList());
        js.forEach(j -> markings.add(j.marking()));
        model.addAttribute("pageMarking", Marking.highWaterMark(markings));
        return "sustainment/overview";
    }

    // ------------------------------------------------------------------------------------------- facilities

    @GetMapping("/facilities")
    String facilityList(DicasUser me, Paging paging, TableView view, Model model) {
        Map<String, String> v = SustainmentForms.values(null, SustainmentForms.FACILITY_FIELDS);
        v.put("marking", DEFAULT_MARKING);
        v.put("nation", me.nation().code());
        return facilityList(me, paging, view, model, v, List.of());
    }

    @PostMapping("/facilities")
    String createFacility(DicasUser me, @RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, String> v = SustainmentForms.values(params, SustainmentForms.FACILITY_FIELDS);
        try {
            return "redirect:/sustainment/facilities/" + facilities.create(me, SustainmentForms.facility(v)).id();
        } catch (InvalidInputException | InvalidMarkingException e) {
            // the form comes back, with its errors, only to a user the rule lets register facilities
            SustainmentWriteRules.registerFacility(me).orThrow();
            return facilityList(me, Paging.FIRST, TableView.NONE, model, v, errors(e));
        }
    }

    private String facilityList(DicasUser me, Paging paging, TableView view, Model model, Map<String, String> form,
                                List<String> errors) {
        Page<RepairFacility> shown = facilities.list(me, paging, view);
        model.addAttribute("facilities", shown.items());
        model.addAttribute("pager", Pager.of(shown, "/sustainment/facilities"));
        Table.show(model, "/sustainment/facilities", view, RepairFacilities.COLUMNS);
        model.addAttribute("mayCreate", SustainmentWriteRules.registerFacility(me).allowed());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("nations", directory.nations());
        model.addAttribute("companies", directory.organizations().stream()
                .filter(o -> o.kind() == OrganizationKind.COMPANY).toList());
        model.addAttribute("pageMarking", Marking.highWaterMark(shown.items().stream()
                .map(RepairFacility::marking).toList()));
        return "sustainment/facilities";
    }

    @GetMapping("/facilities/{id}")
    String facility(DicasUser me, @PathVariable long id, Model model) {
        RepairFacility f = facilities.get(me, id);
        model.addAttribute("f", f);
        model.addAttribute("owner", f.owningCompanyId() == null ? null
                : directory.organization(f.owningCompanyId()).orElse(null));
        model.addAttribute("pageMarking", f.marking());
        return "sustainment/facility";
    }

    // ------------------------------------------------------------------------------------------------ jobs

    @GetMapping("/jobs")
    String jobList(DicasUser me, Paging paging, TableView view, Model model) {
        Map<String, String> v = SustainmentForms.values(null, SustainmentForms.JOB_FIELDS);
        v.put("marking", DEFAULT_MARKING);
        v.put("flagNation", me.nation().code());
        v.put("priority", "3");
        return jobList(me, paging, view, model, v, List.of(), List.of("DRYDOCK"));
    }

    @PostMapping("/jobs")
    String createJob(DicasUser me, @RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, String> v = SustainmentForms.values(params, SustainmentForms.JOB_FIELDS);
        List<String> kinds = params.getOrDefault("resourceKinds", List.of());
        try {
            return "redirect:/sustainment/jobs/" + jobs.create(me, SustainmentForms.job(v, kinds)).id();
        } catch (InvalidInputException | InvalidMarkingException e) {
            // the form comes back, with its errors, only to a user the rule lets create jobs
            SustainmentWriteRules.createJob(me).orThrow();
            return jobList(me, Paging.FIRST, TableView.NONE, model, v, errors(e), kinds);
        }
    }

    private String jobList(DicasUser me, Paging paging, TableView view, Model model, Map<String, String> form,
                           List<String> errors, List<String> kinds) {
        Page<RepairJob> shown = jobs.list(me, paging, view);
        model.addAttribute("jobs", shown.items());
        model.addAttribute("pinned", jobs.pinned(me));
        model.addAttribute("pager", Pager.of(shown, "/sustainment/jobs"));
        Table.show(model, "/sustainment/jobs", view, RepairJobs.COLUMNS);
        model.addAttribute("mayCreate", SustainmentWriteRules.createJob(me).allowed());
        model.addAttribute("form", form);
        model.addAttribute("formKinds", kinds);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("errors", errors);
        model.addAttribute("nations", directory.nations());
        model.addAttribute("pageMarking", Marking.highWaterMark(shown.items().stream()
                .map(RepairJob::marking).toList()));
        return "sustainment/jobs";
    }

    @GetMapping("/jobs/{id}")
    String job(DicasUser me, @PathVariable long id, Model model) {
        return jobDetail(me, id, model, List.of(), new LinkedMultiValueMap<>());
    }

    @PostMapping("/jobs/{id}/pin")
    String pin(DicasUser me, @PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model) {
        try {
            jobs.pin(me, id, params.getFirst("resource"), SustainmentForms.date("start", params.getFirst("start")));
            return "redirect:/sustainment/jobs/" + id;
        } catch (InvalidInputException e) {
            return jobDetail(me, id, model, errors(e), params);
        }
    }

    @PostMapping("/jobs/{id}/unpin")
    String unpin(DicasUser me, @PathVariable long id, ExpectedVersion expected) {
        jobs.unpin(me, id, expected);
        return "redirect:/sustainment/jobs/" + id;
    }

    private String jobDetail(DicasUser me, long id, Model model, List<String> errors,
                             MultiValueMap<String, String> posted) {
        RepairJob j = jobs.get(me, id);
        List<RepairFacility> fs = facilities.list(me);
        List<RepairEligibility.Result> eligibility = RepairEligibility.check(j, fs);
        model.addAttribute("j", j);
                model.addAttribute("eligibility", eligibility);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, List<String>> why = new HashMap<>();
        eligibility.forEach(e -> why.put(e.facility().code(), e.reasons().stream()
                .map(r -> Sentences.render(r.sentence(), locale)).toList()));
        model.addAttribute("eligibilityReasons", why);
        ForeignRepairRule.Decision decision = j.foreignRepairDecision();
        model.addAttribute("decision", decision);
        model.addAttribute("conditionReasons", decision.conditions().stream()
                .map(c -> Sentences.render(c.reason(), locale)).toList());
        model.addAttribute("mayPin", SustainmentWriteRules.pinJob(me).allowed());
        model.addAttribute("errors", errors);
        List<String> resources = new ArrayList<>();
        for (RepairFacility f : fs) {
            f.resources().stream().filter(r -> j.resourceKinds().contains(r.kind())).forEach(r -> resources.add(r.code()));
        }
        model.addAttribute("resources", resources);
        Map<String, String> pin = new HashMap<>();
        pin.put("resource", posted.getFirst("resource") != null ? posted.getFirst("resource")
                : j.pinnedResource() == null ? "" : j.pinnedResource());
        pin.put("start", posted.getFirst("start") != null ? posted.getFirst("start")
                : j.pinnedStart() == null ? j.earliestStart().toString() : j.pinnedStart().toString());
        model.addAttribute("pin", pin);
        List<Marking> markings = new ArrayList<>(fs.stream().map(RepairFacility::marking).toList());
        markings.add(j.marking());
        model.addAttribute("pageMarking", Marking.highWaterMark(markings));
        return "sustainment/job";
    }

    private static List<String> errors(RuntimeException e) {
        return org.dicas.platform.FormErrors.of(e);
    }
}
