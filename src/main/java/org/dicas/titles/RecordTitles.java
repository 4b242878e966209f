package org.dicas.titles;

import org.dicas.shared.IdArray;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dicas.search.text.Glossary;
import org.dicas.search.text.Language;
import org.dicas.security.AuditLog;
import org.dicas.security.CurrentUser;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.security.RecordChanged;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.dicas.titles.engine.TitleDrafter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The titles of every record in English and Japanese (ADR 0031). Reads go through the one read path: a record the
 * reader may not read answers exactly like a missing one. A title in the other language is written by those
 * {@link TitleWriteRules} admit, against the record's version (a stale copy saves nothing), audited, and reaches
 * search with the record (its version moves, so the change log re-indexes it).
 */
@Service
public class RecordTitles {

    /** The longest title and summary a language holds (the table checks the same). */
    public static final int MAX_TITLE = 300;
    public static final int MAX_SUMMARY = 1000;

    /** A title written in one language: confirmed by the person, or kept as a draft to confirm later. */
    public record TitleChange(String title, String summary, boolean confirmed) {
    }

    /** What the page fragment shows a reader: both titles (the reader's language first) and what they may do. */
    public record Shown(Titles titles, List<Titles.Title> inOrder, List<String> missing, boolean mayWrite) {

        /** Whether the reader may write this language's title here (not the record's own). */
        public boolean mayWrite(String language) {
            return mayWrite && titles.in(language).map(t -> !t.own()).orElse(true);
        }
    }

    /** A glossary draft of one language's title and summary from the other's, for a person to correct. */
    public record Proposal(long id, Marking marking, String language, String title, String summary,
                           List<TitleDrafter.Term> terms, List<String> keptAsWritten, boolean stored) {
    }

    private record Row(long id, String kind, String marking, long version, String title, Long author, String language,
                       String otherTitle, String summary, boolean draft, boolean own, String writer, Instant at) {
    }

    private static final String SELECT = """
            select r.id, r.kind, r.marking, r.version, r.title, r.created_by, t.language, t.title, t.summary, t.draft,
                   t.written_by is null, u.display_name, t.written_at
            from record r
            left join record_title t on t.record_id = r.id
            left join app_user u on u.id = t.written_by
            where r.id = any(cast(:ids as bigint[])) and {readableInContainer:r}
            order by r.id, t.language""";

    private final ReadableRecords readable;
    private final MarkedRecords records;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TitleDrafter drafter;

    RecordTitles(ReadableRecords readable, MarkedRecords records, AuditLog audit, ApplicationEventPublisher events,
                 JdbcClient jdbc) {
        this.readable = readable;
        this.records = records;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.drafter = new TitleDrafter(Glossary.shipped());
    }

    /** Both titles of a record the reader may read; empty when it is missing or hidden from them. */
    public Optional<Titles> find(DicasUser reader, long id) {
        return read(reader, List.of(id)).stream().findFirst();
    }

    /**
     * The titles of a page of records for a list, in one query, as the signed-in reader may see them: each record's
     * title in the reader's language first ({@link Listed#of}). Records the reader may not read are simply absent
     * (the list shows what it was given). Templates call it once per list, through {@code fragments/titles :: listed}.
     */
    public Listed listed(Collection<?> ids, Locale locale) {
        return CurrentUser.get().map(me -> listed(me, ids, locale)).orElseGet(() -> new Listed(Map.of(), Map.of(), locale));
    }

    /** The titles of these records as {@code reader} may see them, in one query (for lists outside a page request). */
    public Listed listed(DicasUser reader, Collection<?> ids, Locale locale) {
        if (ids == null || ids.isEmpty()) {
            return new Listed(Map.of(), Map.of(), locale);
        }
        List<Long> wanted = ids.stream().filter(Objects::nonNull).map(i -> ((Number) i).longValue()).distinct().toList();
        Map<Long, Titles> byId = new HashMap<>();
        Map<Long, String> stored = new HashMap<>();
        for (List<Row> rows : rows(reader, wanted)) {
            Titles t = titles(rows);
            byId.put(t.id(), t);
            stored.put(t.id(), rows.get(0).title());
        }
        return new Listed(byId, stored, locale);
    }

    /** The most records {@link #matching} returns. */
    public static final int MAX_MATCHES = 20;

    /**
     * The records {@code reader} may read (and their containers) whose title in either language, or whose id, matches
     * {@code text} — a part of a title, any case, or the whole id — of one of these kinds ({@code REQUIREMENT}; none
     * means every kind), newest first, at most {@code limit} (≤ {@value #MAX_MATCHES}), with both titles. For pickers:
     * a record hidden from the reader is never matched, so not even its id comes back.
     */
    public List<Titles> matching(DicasUser reader, String text, Collection<String> kinds, int limit) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        Long id = t.matches("#?\\d{1,18}") ? Long.valueOf(t.replace("#", "")) : null;
        String pattern = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String kindArray = kinds.stream().collect(Collectors.joining(",", "{", "}"));
        List<Long> ids = readable.query(reader, """
                        select r.id from record r
                        where {readableInContainer:r}
                          and (cardinality(cast(:kinds as text[])) = 0 or r.kind = any(cast(:kinds as text[])))
                          and (r.id = :id or r.title ilike :pattern
                               or exists (select 1 from record_title t where t.record_id = r.id and t.title ilike :pattern))
                        order by (r.id = :id) desc, r.id desc limit :limit""")
                .param("kinds", kindArray).param("id", id == null ? -1L : id).param("pattern", pattern)
                .param("limit", Math.max(1, Math.min(limit, MAX_MATCHES)))
                .query(Long.class).list();
        Map<Long, Titles> byId = new HashMap<>();
        read(reader, ids).forEach(x -> byId.put(x.id(), x));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The titles of a page of records in a list, each in the reader's language first. */
    public record Listed(Map<Long, Titles> titles, Map<Long, String> stored, Locale locale) {

        /** One record's titles in the reader's order (first, then the other when held); null when not known here. */
        public List<Titles.Title> of(Object id) {
            Titles t = id == null ? null : titles.get(((Number) id).longValue());
            return t == null ? null : t.forReader(locale);
        }

        /**
         * One record's confirmed title in the reader's language (else the other's), for a sentence that names the
         * record (a notification) and so cannot label a draft; {@code stored} when not known here.
         */
        public String title(Object id, String stored) {
            List<Titles.Title> t = of(id);
            return t == null ? stored
                    : t.stream().filter(x -> !x.draft()).map(Titles.Title::title).findFirst().orElse(stored);
        }

        /**
         * As {@link #title(Object, String)}, with the record's own stored title (as read here) when every title held
         * is a draft; null when the record is not known here.
         */
        public String title(Object id) {
            Long key = id == null ? null : ((Number) id).longValue();
            return key == null || !titles.containsKey(key) ? null : title(key, stored.get(key));
        }
    }

    private List<Titles> read(DicasUser reader, List<Long> ids) {
        return rows(reader, ids).stream().map(RecordTitles::titles).toList();
    }

    /** The rows of each record the reader may read (one per language held, or one without), record by record. */
    private List<List<Row>> rows(DicasUser reader, List<Long> ids) {
        String array = IdArray.of(ids);
        List<Row> rows = readable.query(reader, SELECT).param("ids", array).query(RecordTitles::row).list();
        Map<Long, List<Row>> byRecord = new LinkedHashMap<>();
        for (Row r : rows) {
            byRecord.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r);
        }
        return List.copyOf(byRecord.values());
    }

    private static Titles titles(List<Row> rows) {
        Row first = rows.get(0);
        String original = TitleDrafter.languageOf(first.title()) == Language.JA ? "ja" : "en";
        Optional<Titles.Title> en = titleIn("en", rows, original);
        Optional<Titles.Title> ja = titleIn("ja", rows, original);
        return new Titles(first.id(), first.kind(), Marking.parse(first.marking()), first.version(), original, en, ja);
    }

    /**
     * A title the system composes for a record (a reply's 「…への返信」, a SoSA request's nations and item, a line's
     * unit cost), from keys in both bundles: each language's sentence. {@link #english()} is what the record's own
     * {@code record.title} holds (the command line and logs read it); {@link RecordTitles#composed} stores both.
     */
    public record Composed(Sentence en, Sentence ja) {

        /** The same sentence in each language. */
        public static Composed of(Sentence title) {
            return new Composed(title, title);
        }

        /** One sentence per language (its arguments in that language, e.g. a thread's own title in each). */
        public static Composed each(java.util.function.Function<String, Sentence> inLanguage) {
            return new Composed(inLanguage.apply("en"), inLanguage.apply("ja"));
        }

        public String english() {
            return render("en");
        }

        public String render(String language) {
            Sentence s = language.equals("ja") ? ja : en;
            String text = Sentences.render(s, language.equals("ja") ? Locale.JAPANESE : Locale.ENGLISH).strip();
            return text.codePointCount(0, text.length()) > MAX_TITLE
                    ? text.substring(0, text.offsetByCodePoints(0, MAX_TITLE - 1)) + "…" : text;
        }
    }

    /**
     * Stores a title the system composed as the record's own in both languages: confirmed (never a draft), written
     * by no person, so no one changes it through the titles form (the record's kind composes it again when it
     * changes). Call it in the transaction that registers or updates the record, after {@code register}/{@code update}
     * wrote {@link Composed#english()} as {@code record.title}: search indexes both when that transaction commits.
     */
    @Transactional
    public void composed(long id, Composed title) {
        for (String lang : Titles.LANGUAGES) {
            jdbc.sql("""
                            insert into record_title (record_id, language, title, draft, written_by)
                            values (:id, :lang, :title, false, null)
                            on conflict (record_id, language) do update
                                set title = excluded.title, summary = '', draft = false, written_by = null,
                                    written_at = now()""")
                    .param("id", id).param("lang", lang).param("title", title.render(lang)).update();
        }
    }

    /**
     * The record's own title is typed by a person again (it was composed before): the composed titles go, a title a
     * person wrote in the other language stays. Not for kinds that keep both titles in their own row (their rows are
     * kept by the trigger of V36).
     */
    @Transactional
    public void typed(long id) {
        jdbc.sql("delete from record_title where record_id = :id and written_by is null").param("id", id).update();
    }

    /**
     * A record's confirmed title in each language (a language it has none in, or only a draft, reads its own title),
     * for a title the system composes from it (a reply's from its thread's). The caller has read the record as its
     * user through the policy and passes its own title.
     */
    public Map<String, String> held(long id, String ownTitle) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("select language, title from record_title where record_id = :id and not draft").param("id", id)
                .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        Titles.LANGUAGES.forEach(l -> out.putIfAbsent(l, ownTitle));
        return out;
    }

    /** Both titles of a record the reader may read; 404 when it is missing or hidden. */
    public Titles get(DicasUser reader, long id) {
        return find(reader, id).orElseThrow(() -> new NotFoundException("record", id));
    }

    /** What the page under a record's heading shows the signed-in reader, in their language; null when none. */
    public Shown shown(long id, Locale locale) {
        Optional<DicasUser> me = CurrentUser.get();
        if (me.isEmpty()) {
            return null;
        }
        return find(me.get(), id).map(t -> new Shown(t, t.forReader(locale), t.missing(),
                TitleWriteRules.writeOtherLanguage(me.get(), author(id)).allowed())).orElse(null);
    }

    /**
     * The form's starting text for one language: the title stored (a draft to confirm, or a confirmed one to
     * correct), or else a glossary draft from the other language's title and summary. Null when the record is hidden.
     */
    public Proposal proposal(long id, String language) {
        Optional<DicasUser> me = CurrentUser.get();
        if (me.isEmpty() || !Titles.LANGUAGES.contains(language)) {
            return null;
        }
        return find(me.get(), id).map(t -> proposal(t, language)).orElse(null);
    }

    /** A glossary draft of a language's title from the other language's, for a reader who may read the record. */
    public Proposal draft(DicasUser reader, long id, String language) {
        String lang = language(language);
        Titles t = get(reader, id);
        return glossaryDraft(t, lang);
    }

    private Proposal proposal(Titles t, String language) {
        return t.in(language)
                .map(s -> new Proposal(t.id(), t.marking(), language, s.title(), s.summary(), List.<TitleDrafter.Term>of(), List.<String>of(), true))
                .orElseGet(() -> glossaryDraft(t, language));
    }

    private Proposal glossaryDraft(Titles t, String language) {
        Titles.Title from = t.in(Titles.other(language)).orElseThrow();
        Language target = language.equals("ja") ? Language.JA : Language.EN;
        TitleDrafter.Draft title = drafter.draft(from.title(), target);
        TitleDrafter.Draft summary = drafter.draft(from.summary(), target);
        List<String> kept = new java.util.ArrayList<>(title.keptAsWritten());
        kept.addAll(summary.keptAsWritten());
        List<TitleDrafter.Term> terms = new java.util.ArrayList<>(title.terms());
        terms.addAll(summary.terms());
        return new Proposal(t.id(), t.marking(), language, title.text(), summary.text(), terms, kept, false);
    }

    /**
     * Writes one language's title and summary of a record, made against its version {@code expected}. Refused: a
     * record the writer may not read (404), a writer {@link TitleWriteRules} do not admit (403), the language of the
     * record's own title (changed on the record's form), an empty or too long title; nothing is saved then.
     */
    @Transactional
    public Titles set(DicasUser writer, long id, String language, TitleChange change, ExpectedVersion expected) {
        Titles current = get(writer, id);
        TitleWriteRules.writeOtherLanguage(writer, author(id)).orThrow();
        String lang = language(language);
        if (current.in(lang).map(Titles.Title::own).orElse(false)) {
            throw new InvalidInputException("language", Sentence.of("titles.error.ownTitle",
                    Sentence.label("titles.language", lang)));
        }
        String title = change.title() == null ? "" : change.title().strip();
        String summary = change.summary() == null ? "" : change.summary().strip();
        if (title.isEmpty()) {
            throw InvalidInputException.of("title", "titles.error.titleRequired");
        }
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            throw InvalidInputException.of("title", "titles.error.titleTooLong", MAX_TITLE);
        }
        if (summary.codePointCount(0, summary.length()) > MAX_SUMMARY) {
            throw InvalidInputException.of("summary", "titles.error.summaryTooLong", MAX_SUMMARY);
        }
        if (title.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw InvalidInputException.of("title", "titles.error.titleOneLine");
        }
        records.changed(id, expected);
        jdbc.sql("""
                        insert into record_title (record_id, language, title, summary, draft, written_by)
                        values (:id, :lang, :title, :summary, :draft, :writer)
                        on conflict (record_id, language) do update
                            set title = excluded.title, summary = excluded.summary, draft = excluded.draft,
                                written_by = excluded.written_by, written_at = now()""")
                .param("id", id).param("lang", lang).param("title", title).param("summary", summary)
                .param("draft", !change.confirmed()).param("writer", writer.id())
                .update();
        audit.append(writer, "TITLE", id, current.kind(), Sentence.of(change.confirmed() ? "audit.detail.titleConfirmed"
                : "audit.detail.titleDraft", Sentence.label("titles.language", lang)));
        events.publishEvent(new RecordChanged(id));
        return get(writer, id);
    }

    private Optional<Long> author(long id) {
        return records.summary(id).map(MarkedRecords.Summary::createdBy);
    }

    private static String language(String language) {
        if (language == null || !Titles.LANGUAGES.contains(language.strip())) {
            throw InvalidInputException.of("language", "titles.error.language", String.valueOf(language));
        }
        return language.strip();
    }

    private static Optional<Titles.Title> titleIn(String language, List<Row> rows, String original) {
        Optional<Titles.Title> held = rows.stream().filter(r -> language.equals(r.language())).findFirst()
                .map(r -> new Titles.Title(language, r.otherTitle(), r.summary(), r.draft(), r.own(),
                        Optional.ofNullable(r.writer()), Optional.ofNullable(r.at())));
        if (held.isPresent() || !language.equals(original)) {
            return held;
        }
        Row first = rows.get(0);
        return Optional.of(new Titles.Title(language, first.title(), "", false, true, Optional.empty(), Optional.empty()));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime at = rs.getObject(13, OffsetDateTime.class);
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                (Long) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                rs.getBoolean(11), rs.getString(12), at == null ? null : at.toInstant());
    }
}
