package org.dicas.pickers.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dicas.forum.Meetings;
import org.dicas.forum.WorkingGroups;
import org.dicas.requirements.Pipeline;
import org.dicas.search.Search;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.dicas.supplychain.SupplyNetworkSummary;
import org.dicas.supplychain.SupplyNetworks;
import org.dicas.sustainment.RepairFacilities;
import org.dicas.sustainment.RepairFacility;
import org.dicas.titles.RecordTitles;
import org.dicas.titles.Titles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The matches of the pickers (ADR 0042), as an HTML fragment that replaces the picker's list ({@code fragments/picker
 * :: results}); {@code for} names the picker (the ids of its list and options). Each answers only what the signed-in
 * user may read, through the module that owns it and so through the one read path; each match carries its portion
 * marking, the fragment and its {@code X-DICAS-Marking} header the high-water mark of what it shows. A record named
 * by {@code readableRecord} or a network by {@code network} that the user may not read is not found (404), exactly as
 * a missing one.
 */
@Controller
class PickerPages {

    /** The most matches a picker lists: typing more narrows them. */
    static final int LIMIT = 12;

    private static final Pattern FOR = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,59}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,39}");

    /**
     * One match: the value the field posts, its label (with the label's language, when it is a title) and, for a
     * record, its title in the other language; a line that tells it apart ({@code detail}), a nation to name in the
     * reader's language, and the marking of what it shows (null for a person, who is no record).
     */
    record Choice(String value, String label, String labelLang, String other, String otherLang, boolean draft,
                  String detail, String nation, Marking marking) {
    }

    private final RecordTitles titles;
    private final Directory directory;
    private final MarkedRecords records;
    private final SupplyNetworks networks;
    private final RepairFacilities facilities;
    private final Meetings meetings;
    private final WorkingGroups workingGroups;
    private final Pipeline pipeline;

    PickerPages(RecordTitles titles, Directory directory, MarkedRecords records, SupplyNetworks networks,
                RepairFacilities facilities, Meetings meetings, WorkingGroups workingGroups, Pipeline pipeline) {
        this.meetings = meetings;
        this.workingGroups = workingGroups;
        this.pipeline = pipeline;
        this.titles = titles;
        this.directory = directory;
        this.records = records;
        this.networks = networks;
        this.facilities = facilities;
    }

    /** Records of these kinds ({@code requirement}, {@code opportunity} …; none: every kind) by a part of a title in either language, or by id. */
    @GetMapping("/pick/records")
    String records(DicasUser me, @RequestParam(defaultValue = "") String q,
                   @RequestParam(required = false) List<String> kind, @RequestParam("for") String field,
                   Locale locale, Model model, HttpServletResponse response) {
        String text = text(q);
        List<String> kinds = kinds(kind);
        List<Choice> choices = titles.matching(me, text, kinds, LIMIT).stream().map(t -> record(t, locale)).toList();
        return results(field, text, choices, Marking.highWaterMark(choices.stream().map(Choice::marking).toList()),
                "picker.none.records", locale, model, response);
    }

    /**
     * People by a part of their name, user name or organisation; with {@code readableRecord}, only those the
     * releasability policy lets read that record (asked for each candidate), which the user must read themselves.
     */
    @GetMapping("/pick/people")
    String people(DicasUser me, @RequestParam(defaultValue = "") String q,
                  @RequestParam(required = false) Long readableRecord, @RequestParam(required = false) String offer,
                  @RequestParam(required = false) Long meeting, @RequestParam(required = false) Long workingGroup,
                  @RequestParam(required = false) Long opportunity, @RequestParam(required = false) String marking,
                  @RequestParam("for") String field, Locale locale, Model model, HttpServletResponse response) {
        String text = text(q);
        if (offer != null) {
            return offered(me, text, offer, meeting, workingGroup, opportunity, marking, field, locale, model,
                    response);
        }
        Marking shown = Marking.highWaterMark(List.of());
        if (readableRecord != null) {
            shown = readableMarking(me, readableRecord);
        }
        Map<Long, Directory.Organization> organizations = directory.organizations().stream()
                .collect(Collectors.toMap(Directory.Organization::id, o -> o));
        List<Choice> choices = new ArrayList<>();
        if (!text.isEmpty()) {
            for (DicasUser u : directory.users()) {
                if (choices.size() == LIMIT) {
                    break;
                }
                Directory.Organization org = organizations.get(u.organizationId());
                if (matches(text, u, org) && (readableRecord == null || records.readable(readableRecord, u))) {
                    choices.add(person(u, org, locale));
                }
            }
        }
        return results(field, text, choices, shown, readableRecord == null ? "picker.none.people"
                : "picker.none.readers", locale, model, response);
    }

    /**
     * The people a form offers for the record it saves with the marking it holds ({@code marking}, the form's marking
     * field as typed): a meeting's attendees ({@code offer=attendees}, {@code meeting} when editing one), a working
     * group's members ({@code offer=members}, {@code workingGroup}) or an opportunity's owner ({@code offer=owners},
     * {@code opportunity}). Who is offered is the owning module's rule ({@code Meetings.possibleAttendees},
     * {@code WorkingGroups.possibleMembers}, {@code Pipeline.possibleOwners}) — the very lists the forms show without
     * script — asked here, never copied; a record named that the user may not read is not found.
     */
    private String offered(DicasUser me, String text, String offer, Long meeting, Long workingGroup, Long opportunity,
                           String marking, String field, Locale locale, Model model, HttpServletResponse response) {
        List<DicasUser> offered;
        Long existing;
        switch (offer) {
            case "attendees" -> {
                existing = meeting;
                offered = text.isEmpty() ? List.of() : meetings.possibleAttendees(me, marking, readableId(me, meeting));
            }
            case "members" -> {
                existing = workingGroup;
                offered = text.isEmpty() ? List.of() : workingGroups.possibleMembers(me, marking, readableId(me, workingGroup));
            }
            case "owners" -> {
                if (opportunity == null) {
                    throw InvalidInputException.of("opportunity", "picker.error.opportunity");
                }
                existing = opportunity;
                var o = pipeline.find(opportunity, me)
                        .orElseThrow(() -> new NotFoundException("opportunity", opportunity));
                offered = text.isEmpty() ? List.of() : pipeline.possibleOwners(me, o, marking);
            }
            default -> throw InvalidInputException.of("offer", "picker.error.offer", offer);
        }
        Marking shown = existing == null ? Marking.highWaterMark(List.of()) : readableMarking(me, existing);
        Map<Long, Directory.Organization> organizations = directory.organizations().stream()
                .collect(Collectors.toMap(Directory.Organization::id, o -> o));
        List<Choice> choices = offered.stream()
                .filter(u -> matches(text, u, organizations.get(u.organizationId())))
                .limit(LIMIT)
                .map(u -> person(u, organizations.get(u.organizationId()), locale))
                .toList();
        return results(field, text, choices, shown, "picker.none.readers", locale, model, response);
    }

    private Long readableId(DicasUser me, Long id) {
        if (id != null) {
            readableMarking(me, id);
        }
        return id;
    }

    /** The marking of a record the user reads; one they may not read is not found, exactly as a missing one. */
    private Marking readableMarking(DicasUser me, long id) {
        if (!records.readable(id, me)) {
            throw new NotFoundException("record", id);
        }
        return records.find(id).orElseThrow().marking();
    }

    private static boolean matches(String text, DicasUser u, Directory.Organization org) {
        return matches(text, u.displayName(), u.username(), org == null ? null : org.name(),
                org == null ? null : org.nameJa());
    }

    private static Choice person(DicasUser u, Directory.Organization org, Locale locale) {
        String orgName = org == null ? "" : ja(locale) && org.nameJa() != null ? org.nameJa() : org.name();
        return new Choice(String.valueOf(u.id()), u.displayName(), null, null, null, false, orgName,
                u.nation().code(), null);
    }

    /**
     * Supply-chain nodes by code, name or company: of one network ({@code network}; the value is the node's code, as
     * the network's what-if takes it) or of every network the user may read (the value is the node's record id).
     */
    @GetMapping("/pick/nodes")
    String nodes(DicasUser me, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long network,
                 @RequestParam("for") String field, Locale locale, Model model, HttpServletResponse response) {
        String text = text(q);
        List<SupplyNetworkSummary> searched = network == null ? networks.list(me)
                : List.of(networks.summary(me, network));
        List<Choice> choices = new ArrayList<>();
        List<Marking> shown = new ArrayList<>();
        if (network != null) {
            shown.add(searched.get(0).marking());
        }
        for (SupplyNetworkSummary n : text.isEmpty() ? List.<SupplyNetworkSummary>of() : searched) {
            networks.nodes(me, n.id()).values().stream()
                    .filter(s -> matches(text, s.code(), s.name(), s.company()))
                    .sorted(java.util.Comparator.comparing(SupplyNetworks.StoredNode::code))
                    .limit(LIMIT - choices.size())
                    .forEach(s -> {
                        String detail = network == null
                                ? String.join(" · ", Stream.of(s.company(), n.program() + " " + n.name())
                                        .filter(x -> !x.isBlank()).toList())
                                : s.company();
                        choices.add(new Choice(network == null ? String.valueOf(s.recordId()) : s.code(),
                                s.code() + " " + s.name(), null, null, null, false, detail, s.country(), s.marking()));
                        shown.add(s.marking());
                        if (network == null) {
                            shown.add(n.marking());
                        }
                    });
        }
        return results(field, text, choices, Marking.highWaterMark(shown), "picker.none.nodes", locale, model, response);
    }

    /**
     * The resources (dry docks, piers, hangars) of the repair facilities the user may read, by the facility's code or
     * name or the resource's code; {@code resourceKind} keeps only those kinds. The value is the resource's code.
     */
    @GetMapping("/pick/facilities")
    String facilities(DicasUser me, @RequestParam(defaultValue = "") String q,
                      @RequestParam(required = false) List<String> resourceKind, @RequestParam("for") String field,
                      Locale locale, Model model, HttpServletResponse response) {
        String text = text(q);
        List<String> kinds = kinds(resourceKind);
        List<Choice> choices = new ArrayList<>();
        for (RepairFacility f : text.isEmpty() ? List.<RepairFacility>of() : facilities.list(me)) {
            for (RepairFacility.Resource r : f.resources()) {
                if (choices.size() < LIMIT && (kinds.isEmpty() || kinds.contains(r.kind()))
                        && matches(text, f.code(), f.name(), r.code())) {
                    choices.add(new Choice(r.code(), Sentences.render(Sentence.of("picker.option.resource", r.code(),
                            Sentence.label("sus.kind", r.kind())), locale), null, null, null, false,
                            f.code() + " " + f.name(), f.nation(), f.marking()));
                }
            }
        }
        return results(field, text, choices, Marking.highWaterMark(choices.stream().map(Choice::marking).toList()),
                "picker.none.facilities", locale, model, response);
    }

    private static Choice record(Titles t, Locale locale) {
        List<Titles.Title> shown = t.forReader(locale);
        Titles.Title first = shown.isEmpty() ? null : shown.get(0);
        Titles.Title other = shown.size() > 1 && !shown.get(1).title().equals(shown.get(0).title()) ? shown.get(1) : null;
        String detail = Sentences.render(Sentence.of("picker.option.record",
                Sentence.label("record.kind", org.dicas.search.SearchHit.typeOf(t.kind())), String.valueOf(t.id())), locale);
        return new Choice(String.valueOf(t.id()), first == null ? "#" + t.id() : first.title(),
                first == null ? null : first.language(), other == null ? null : other.title(),
                other == null ? null : other.language(), first != null && first.draft(), detail, null, t.marking());
    }

    private String results(String field, String text, List<Choice> choices, Marking shown, String none,
                           Locale locale, Model model, HttpServletResponse response) {
        if (!FOR.matcher(field).matches()) {
            throw InvalidInputException.of("for", "picker.error.field");
        }
        response.setHeader("X-DICAS-Marking", shown.banner());
        model.addAttribute("field", field);
        model.addAttribute("choices", choices);
        model.addAttribute("shown", shown);
        Sentence empty = text.isEmpty() ? Sentence.of("picker.typeToSearch")
                : choices.isEmpty() ? Sentence.of(none, text) : null;
        model.addAttribute("empty", empty == null ? null : Sentences.render(empty, locale));
        return "fragments/picker :: results";
    }

    private static String text(String q) {
        String t = q == null ? "" : q.strip();
        if (t.length() > Search.MAX_QUERY) {
            throw InvalidInputException.of("q", "search.error.queryTooLong", Search.MAX_QUERY);
        }
        return t;
    }

    /** Kinds as asked ({@code requirement,opportunity}), as stored ({@code REQUIREMENT}). */
    private static List<String> kinds(Collection<String> asked) {
        if (asked == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String k : asked.stream().flatMap(a -> Arrays.stream(a.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()) {
            if (!KIND.matcher(k.toLowerCase(Locale.ROOT)).matches()) {
                throw InvalidInputException.of("kind", "picker.error.kind", k);
            }
            out.add(k.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        return out;
    }

    private static boolean matches(String text, String... values) {
        String t = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values).filter(Objects::nonNull)
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(t));
    }

    private static boolean ja(Locale locale) {
        return Titles.languageOf(locale).equals("ja");
    }
}
