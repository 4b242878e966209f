package org.dicas.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dicas.platform.ReaderTime;
import org.dicas.security.CurrentUser;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.ExportControl;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.stereotype.Component;

/**
 * What the marking picker of every form shows ({@code fragments/layout :: markingField}): the choices (levels, the
 * platform's nations, the author's need-to-know groups, PROPIN, export regimes), the state the banner in the field
 * sets them to, and the preview of that banner. The banner is parsed by {@link Marking#parse} and judged by the one
 * releasability policy ({@link MarkedRecords#mayReadBack}); the browser only assembles a banner from the choices, so
 * the field the form submits is still the banner string every service and API reads.
 *
 * <p>Public because the templates call it by its bean name ({@code @markingPicker}).
 */
@Component("markingPicker")
public class MarkingPicker {

    /** How the nations that may read are limited: not at all, NOFORN, or REL TO the checked nations. */
    public enum Release { ALL, NOFORN, REL_TO }

    /** A checkbox of the picker: a nation or a group, its label in the reader's language, and whether it is checked. */
    public record Choice(String code, String label, boolean checked) {
    }

    /**
     * The preview of a banner: {@code banner} (null when blank or not valid) with its level for the colour,
     * {@code problem} (what is wrong with a banner that is not valid) or {@code warning} (why its author could not
     * read a record so marked), each in the reader's language, and the parsed parts for the picker to take over.
     */
    public record Preview(String banner, String level, String problem, String warning, List<String> reasons,
                          String release, List<String> nations, List<String> groups, boolean propin,
                          String regime, String reference) {
        public boolean valid() {
            return banner != null;
        }

        public boolean empty() {
            return banner == null && problem == null;
        }

        /** The parts as the data attributes the script reads when it goes back from typing to picking. */
        public String nationList() {
            return String.join(" ", nations);
        }

        public String groupList() {
            return String.join(" ", groups);
        }
    }

    /** The whole picker for one field: the choices, the state they start in, and the preview. */
    public record View(String value, boolean typed, List<AccessLevel> levels, String level, String release,
                       List<Choice> nations, List<Choice> groups, boolean propin, List<ExportControl.Regime> regimes,
                       String regime, String reference, String ownNation, Preview preview) {
        public List<Release> releases() {
            return List.of(Release.values());
        }
    }

    private final Directory directory;
    private final MarkedRecords records;
    /**
     * The platform's nations and groups change rarely and a page may hold many marking fields (a reply form per
     * reply): read them once per half minute, not once per field.
     */
    private final Cache<String, List<?>> reference = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).build();

    MarkingPicker(Directory directory, MarkedRecords records) {
        this.directory = directory;
        this.records = records;
    }

    @SuppressWarnings("unchecked")
    private List<Directory.Nation> nations() {
        return (List<Directory.Nation>) reference.get("nations", k -> directory.nations());
    }

    @SuppressWarnings("unchecked")
    private List<Directory.Group> groups() {
        return (List<Directory.Group>) reference.get("groups", k -> directory.groups());
    }

    /** The picker for a field holding {@code value} (a banner, blank, or a banner typed wrong and sent back). */
    public View of(String value) {
        Optional<DicasUser> me = CurrentUser.get();
        Preview p = preview(value);
        Locale locale = ReaderTime.locale();
        boolean ja = "ja".equals(locale.getLanguage());
        String own = me.map(u -> u.nation().code()).orElse("");
        List<Choice> nations = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (Directory.Nation n : nations()) {
            listed.add(n.code());
            nations.add(new Choice(n.code(), ja ? n.nameJa() : n.nameEn(), p.nations().contains(n.code())));
        }
        for (String code : p.nations()) {
            if (!listed.contains(code)) {
                nations.add(new Choice(code, code, true));
            }
        }
        nations.sort((a, b) -> a.code().equals(own) ? -1 : b.code().equals(own) ? 1 : 0);
        Set<String> mine = me.map(DicasUser::groups).orElse(Set.of());
        List<Choice> groups = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (Directory.Group g : groups()) {
            if (mine.contains(g.code()) || p.groups().contains(g.code())) {
                shown.add(g.code());
                groups.add(new Choice(g.code(), ja ? g.nameJa() : g.nameEn(), p.groups().contains(g.code())));
            }
        }
        for (String code : p.groups()) {
            if (!shown.contains(code)) {
                groups.add(new Choice(code, code, true));
            }
        }
        boolean typed = value != null && !value.isBlank() && !p.valid();
        return new View(value == null ? "" : value, typed, List.of(AccessLevel.values()), p.level(), p.release(),
                nations, groups, p.propin(), List.of(ExportControl.Regime.values()), p.regime(), p.reference(), own, p);
    }

    /**
     * The preview of a banner for the signed-in author: parsed by the grammar, then asked of the policy whether the
     * author could read back a record so marked — and, when not, which part keeps them out (the level, the groups),
     * found by asking the same policy with that part alone kept.
     */
    public Preview preview(String value) {
        Locale locale = ReaderTime.locale();
        String banner = value == null ? "" : value.strip();
        if (banner.isEmpty()) {
            return new Preview(null, "", null, null, List.of(), Release.ALL.name(), List.of(), List.of(), false, "", "");
        }
        Marking m;
        try {
            m = Marking.parse(banner);
        } catch (InvalidMarkingException e) {
            return new Preview(null, "", Sentences.render(e.sentence(), locale), null, List.of(), Release.ALL.name(),
                    List.of(), List.of(), false, "", "");
        }
        String warning = null;
        List<String> reasons = new ArrayList<>();
        Optional<DicasUser> me = CurrentUser.get();
        if (me.isPresent() && !records.mayReadBack(m, me.get())) {
            DicasUser u = me.get();
            warning = Sentences.render(Sentence.of("marking.readBack.warning", m.banner()), locale);
            Marking levelOnly = new Marking(m.level(), false, List.of(), List.of(), false, Optional.empty());
            Marking groupsOnly = new Marking(AccessLevel.PUBLIC, false, List.of(), m.groups(), false, Optional.empty());
            if (!records.mayReadBack(levelOnly, u)) {
                reasons.add(Sentences.render(Sentence.of("marking.readBack.level",
                        Sentence.label("accessLevel", m.level()), Sentence.label("accessLevel", u.accessLevel())), locale));
            }
            if (!records.mayReadBack(groupsOnly, u)) {
                reasons.add(Sentences.render(Sentence.of("marking.readBack.groups", m.groups()), locale));
            }
        }
        Release release = m.noForn() ? Release.NOFORN : m.relTo().isEmpty() ? Release.ALL : Release.REL_TO;
        return new Preview(m.banner(), m.level().name(), null, warning, List.copyOf(reasons), release.name(),
                m.relTo().stream().map(NationCode::code).toList(), m.groups(), m.propin(),
                m.export().map(e -> e.regime().name()).orElse(""), m.export().map(ExportControl::reference).orElse(""));
    }
}
