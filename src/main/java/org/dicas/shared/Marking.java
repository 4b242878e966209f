package org.dicas.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A security marking, parsed from and formatted to the banner grammar of the trust model:
 * <pre>
 * banner  := level ( "//" control )*
 * level   := "PUBLIC" | "UNCLASSIFIED" | "CUI"
 * control := "NOFORN" | "REL TO " NAT ( ", " NAT )* | "GROUP " CODE ( ", " CODE )*
 *          | "PROPIN" | "EXPORT " REGIME " " REF
 * </pre>
 * Controls appear at most once each, in the order above; NOFORN and REL TO exclude each other.
 * {@code Marking.parse(b).banner().equals(b)} holds for every valid banner {@code b}.
 */
public record Marking(AccessLevel level, boolean noForn, List<NationCode> relTo, List<String> groups,
                      boolean propin, Optional<ExportControl> export) {

    public static final int MAX_LENGTH = 500;
    static final Pattern GROUP_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");
    private static final List<String> CONTROL_ORDER = List.of("NOFORN", "REL TO", "GROUP", "PROPIN", "EXPORT");

    public Marking {
        if (level == null) {
            throw new InvalidMarkingException(Sentence.of("marking.error.levelMissing"));
        }
        relTo = List.copyOf(relTo == null ? List.of() : relTo);
        groups = List.copyOf(groups == null ? List.of() : groups);
        export = export == null ? Optional.empty() : export;
        if (noForn && !relTo.isEmpty()) {
            throw new InvalidMarkingException(Sentence.of("marking.error.noFornAndRelTo"));
        }
        if (new LinkedHashSet<>(relTo).size() != relTo.size()) {
            throw new InvalidMarkingException(Sentence.of("marking.error.nationTwice"));
        }
        if (new LinkedHashSet<>(groups).size() != groups.size()) {
            throw new InvalidMarkingException(Sentence.of("marking.error.groupTwice"));
        }
        for (String g : groups) {
            if (!GROUP_CODE.matcher(g).matches()) {
                throw new InvalidMarkingException(Sentence.of("marking.error.groupCode", g));
            }
        }
    }

    public static Marking of(AccessLevel level) {
        return new Marking(level, false, List.of(), List.of(), false, Optional.empty());
    }

    /** What a writer is told when a record comes without a marking: the one wording of the one check. */
    public static final Sentence REQUIRED_RULE = Sentence.of("marking.error.required");

    /** {@link #REQUIRED_RULE} in English, for callers that still collect English problems. */
    public static final String REQUIRED = REQUIRED_RULE.english();

    /**
     * The marking a writer gave for a record: required (blank is refused naming the {@code marking} field), then
     * parsed. The one "a marking is required" check of the platform.
     */
    public static Marking required(String banner) {
        if (banner == null || banner.isBlank()) {
            throw new InvalidInputException("marking", REQUIRED_RULE);
        }
        return parse(banner.strip());
    }

    /** Markings are few and every listed row carries one: each banner is parsed once (a refused one every time). */
    private static final Cache<String, Marking> PARSED = Caffeine.newBuilder().maximumSize(10_000).build();

    /** Parses a banner; throws {@link InvalidMarkingException} naming the problem when it is not valid. */
    @JsonCreator
    public static Marking parse(String banner) {
        if (banner == null || banner.isEmpty() || banner.length() > MAX_LENGTH) {
            return parseBanner(banner);
        }
        return PARSED.get(banner, Marking::parseBanner);
    }

    private static Marking parseBanner(String banner) {
        if (banner == null || banner.isEmpty()) {
            throw new InvalidMarkingException(Sentence.of("marking.error.empty"));
        }
        if (banner.length() > MAX_LENGTH) {
            throw new InvalidMarkingException(Sentence.of("marking.error.tooLong", MAX_LENGTH));
        }
        String[] parts = banner.split("//", -1);
        AccessLevel level = parseLevel(parts[0]);
        boolean noForn = false;
        boolean propin = false;
        List<NationCode> relTo = List.of();
        List<String> groups = List.of();
        Optional<ExportControl> export = Optional.empty();
        int lastRank = -1;
        for (int i = 1; i < parts.length; i++) {
            String control = parts[i];
            if (control.isEmpty()) {
                throw new InvalidMarkingException(Sentence.of("marking.error.emptyControl", i));
            }
            String name = controlName(control);
            int rank = CONTROL_ORDER.indexOf(name);
            if (rank == lastRank) {
                throw new InvalidMarkingException(Sentence.of("marking.error.controlTwice", name));
            }
            if (rank < lastRank) {
                throw new InvalidMarkingException(
                        Sentence.of("marking.error.controlOrder", name, CONTROL_ORDER.get(lastRank)));
            }
            lastRank = rank;
            switch (name) {
                case "NOFORN" -> noForn = true;
                case "REL TO" -> {
                    if (noForn) {
                        throw new InvalidMarkingException(Sentence.of("marking.error.noFornAndRelTo"));
                    }
                    relTo = parseNations(control.substring("REL TO ".length()));
                }
                case "GROUP" -> groups = parseList(control.substring("GROUP ".length()), "GROUP");
                case "PROPIN" -> propin = true;
                case "EXPORT" -> export = Optional.of(parseExport(control));
                default -> throw new IllegalStateException(name);
            }
        }
        return new Marking(level, noForn, relTo, groups, propin, export);
    }

    private static AccessLevel parseLevel(String text) {
        for (AccessLevel l : AccessLevel.values()) {
            if (l.name().equals(text)) {
                return l;
            }
        }
        throw new InvalidMarkingException(Sentence.of("marking.error.unknownLevel", text));
    }

    private static String controlName(String control) {
        if (control.equals("NOFORN")) {
            return "NOFORN";
        }
        if (control.equals("PROPIN")) {
            return "PROPIN";
        }
        if (control.startsWith("REL TO ")) {
            return "REL TO";
        }
        if (control.startsWith("GROUP ")) {
            return "GROUP";
        }
        if (control.startsWith("EXPORT ")) {
            return "EXPORT";
        }
        throw new InvalidMarkingException(Sentence.of("marking.error.unknownControl", control));
    }

    private static List<String> parseList(String text, String control) {
        if (text.isEmpty()) {
            throw new InvalidMarkingException(Sentence.of("marking.error.listsNothing", control));
        }
        List<String> items = List.of(text.split(", ", -1));
        for (String item : items) {
            if (item.isEmpty() || item.contains(",") || item.contains(" ")) {
                throw new InvalidMarkingException(Sentence.of("marking.error.entryMalformed", control, item));
            }
        }
        return items;
    }

    private static List<NationCode> parseNations(String text) {
        List<NationCode> nations = new ArrayList<>();
        for (String item : parseList(text, "REL TO")) {
            if (!NationCode.isValid(item)) {
                throw new InvalidMarkingException(Sentence.of("marking.error.unknownNation", item));
            }
            nations.add(new NationCode(item));
        }
        return nations;
    }

    private static ExportControl parseExport(String control) {
        String[] words = control.split(" ", -1);
        if (words.length != 3) {
            throw new InvalidMarkingException(Sentence.of("marking.error.exportForm", control));
        }
        ExportControl.Regime regime;
        try {
            regime = ExportControl.Regime.valueOf(words[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidMarkingException(Sentence.of("marking.error.unknownRegime", words[1]));
        }
        return new ExportControl(regime, words[2]);
    }

    /** The banner string: the exact inverse of {@link #parse(String)}. */
    @JsonValue
    public String banner() {
        StringBuilder b = new StringBuilder(level.name());
        if (noForn) {
            b.append("//NOFORN");
        }
        if (!relTo.isEmpty()) {
            b.append("//REL TO ").append(String.join(", ", relTo.stream().map(NationCode::code).toList()));
        }
        if (!groups.isEmpty()) {
            b.append("//GROUP ").append(String.join(", ", groups));
        }
        if (propin) {
            b.append("//PROPIN");
        }
        export.ifPresent(e -> b.append("//").append(e));
        return b.toString();
    }

    /**
     * This marking released to more nations (a foreign-disclosure decision): NOFORN becomes REL TO the originator and
     * the nations; a REL TO list gains the nations it lacks (originator first); a marking limited to no nation at all
     * stays as it is. Other controls are unchanged.
     */
    public Marking releasedTo(NationCode origin, Collection<NationCode> nations) {
        if (releasableToAllNations() || nations.isEmpty()) {
            return this;
        }
        Set<NationCode> rel = new LinkedHashSet<>();
        rel.add(origin);
        rel.addAll(relTo);
        rel.addAll(nations);
        return new Marking(level, false, List.copyOf(rel), groups, propin, export);
    }

    /**
     * This marking with its nations replaced by {@code nations}: REL TO them (in code order) when there are two or more,
     * NOFORN when one or none — for a record meant for a few nations only, whose caller has already narrowed them to
     * nations the sources are releasable to (a judgment of a pair of requirements goes to the pair's nations). The
     * originating nation reads in any case, so it must be among them. Other controls are unchanged.
     */
    public Marking limitedTo(Collection<NationCode> nations) {
        List<NationCode> sorted = nations.stream().distinct().sorted(java.util.Comparator.comparing(NationCode::code))
                .toList();
        return sorted.size() < 2 ? new Marking(level, true, List.of(), groups, propin, export)
                : new Marking(level, false, sorted, groups, propin, export);
    }

    /** True when neither NOFORN nor REL TO limits the nations that may read. */
    public boolean releasableToAllNations() {
        return !noForn && relTo.isEmpty();
    }

    /**
     * The high-water mark of several markings, for anything derived from several records: the highest level,
     * REL TO intersected (NOFORN when any input is NOFORN or the intersection is empty), groups united,
     * PROPIN and EXPORT carried. The marking of nothing is PUBLIC.
     */
    public static Marking highWaterMark(Collection<Marking> markings) {
        AccessLevel level = AccessLevel.PUBLIC;
        boolean noForn = false;
        Set<NationCode> rel = null;
        Set<String> groups = new LinkedHashSet<>();
        boolean propin = false;
        Optional<ExportControl> export = Optional.empty();
        for (Marking m : markings) {
            if (m.level.compareTo(level) > 0) {
                level = m.level;
            }
            noForn |= m.noForn;
            if (!m.relTo.isEmpty()) {
                if (rel == null) {
                    rel = new LinkedHashSet<>(m.relTo);
                } else {
                    rel.retainAll(m.relTo);
                }
            }
            groups.addAll(m.groups);
            propin |= m.propin;
            if (export.isEmpty()) {
                export = m.export;
            }
        }
        if (rel != null && rel.isEmpty()) {
            noForn = true;
        }
        List<NationCode> relTo = noForn || rel == null ? List.of() : List.copyOf(rel);
        return new Marking(level, noForn, relTo, List.copyOf(groups), propin, export);
    }

    /**
     * Whether this marking is at least as restrictive as {@code floor}: raising it to their high-water mark changes
     * nothing. A record that others read only through another (an opportunity through what it links, an attachment
     * through its parent) is marked so.
     */
    public boolean atLeastAsRestrictiveAs(Marking floor) {
        return highWaterMark(List.of(this, floor)).equals(highWaterMark(List.of(this)));
    }

    @Override
    public String toString() {
        return banner();
    }
}
