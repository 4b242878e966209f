package org.dicas.requirements;

import org.dicas.shared.Sentence;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dicas.search.text.Language;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.Map;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.dicas.shared.ListColumns;

/**
 * The leads intake: leads entered by hand, imported from CSV/JSON (all or nothing, errors name the line or record),
 * or brought by feeds ({@link Feeds}). Every lead is a marked record (kind {@code LEAD}); reads go through the
 * releasability policy's SQL predicate, a hidden lead does not exist. Government users write leads
 * ({@link RequirementWriteRules}); everybody reads the leads their marking allows.
 */
@Service
public class Leads {

    /** The kind of the {@code record} row of a lead. */
    public static final String KIND = "LEAD";
    /** How many leads one import may hold. */
    public static final int IMPORT_LIMIT = 2000;

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReadableRecords readable;
    private final AuditLog audit;
    private final Clock clock;

    Leads(JdbcClient jdbc, MarkedRecords records, ReadableRecords readable, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.readable = readable;
        this.audit = audit;
        this.clock = clock;
    }

    private static final String SELECT = """
            select l.id, r.marking, l.source_type, l.source_name, l.lead_date, l.title, l.body, l.language, l.link,
                   l.origin, f.name, u.display_name, l.entered_at,
                   (select min(o.id) from opportunity o join record ro on ro.id = o.id
                     where o.lead_id = l.id and {readable:ro}) as opportunity_id
            from lead l join record r on r.id = l.id join app_user u on u.id = l.entered_by
            left join lead_feed f on f.id = l.feed_id
            where {readable:r}""";

    private static Lead row(ResultSet rs) throws SQLException {
        return new Lead(rs.getLong(1), Marking.parse(rs.getString(2)), LeadSource.valueOf(rs.getString(3)),
                rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), Lead.Origin.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12),
                rs.getTimestamp(13).toInstant(), (Long) rs.getObject(14));
    }

    private JdbcClient.StatementSpec visible(String sql, DicasUser user) {
        return readable.query(user, sql);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** What the leads list sorts and filters by: newest first (by lead date, then by id) unless asked otherwise. */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("date", "l.lead_date", true, "l.id")
            .and("type", "l.source_type").and("source", "lower(l.source_name)").and("title", "lower(l.title)")
            .and("language", "l.language").filterIn("l.title", "l.source_name", "l.body");

    /** A page of the leads the user may read, newest first (by lead date, then by id). */
    public Page<Lead> list(DicasUser user, Paging paging) {
        return list(user, paging, TableView.NONE);
    }

    /** A page of the leads the user may read, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<Lead> list(DicasUser user, Paging paging, TableView view) {
        return readable.page(user, SELECT, COLUMNS, Map.of(), paging, view, (rs, n) -> row(rs));
    }

    /** One lead; a lead the user may not read is not found. Reading a CUI lead is audited. */
    public Lead get(DicasUser user, long id) {
        Lead l = find(user, id);
        audit.read(user, KIND, id, l.marking());
        return l;
    }

    Lead find(DicasUser user, long id) {
        return visible(SELECT + " and l.id = :id", user).param("id", id).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("lead", id));
    }

    /** Enters one lead by hand. */
    @Transactional
    public Lead create(DicasUser user, LeadCommand c) {
        RequirementWriteRules.enterLead(user).orThrow();
        long id = save(user, c, Lead.Origin.MANUAL, null, null);
        return find(user, id);
    }

    /**
     * Imports leads, all or nothing: the first bad row is refused naming {@code file} with its line (CSV) or record
     * (JSON) number and field, and nothing is saved. Returns the new leads.
     */
    @Transactional
    public List<Lead> importAll(DicasUser user, List<LeadImportRow> rows) {
        RequirementWriteRules.importLeads(user).orThrow();
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "lead.error.noLeads");
        }
        if (rows.size() > IMPORT_LIMIT) {
            throw InvalidInputException.of("file", "lead.error.tooMany", IMPORT_LIMIT, rows.size());
        }
        List<Long> ids = new ArrayList<>();
        for (LeadImportRow row : rows) {
            try {
                ids.add(save(user, row.command(), Lead.Origin.IMPORT, null, null));
            } catch (InvalidInputException e) {
                throw InvalidInputException.of("file", "sentence.fieldProblem", row.position(),
                        Sentence.of("sentence.fieldProblem", e.field(), Requirements.sentenceOf(e)));
            } catch (InvalidMarkingException e) {
                throw InvalidInputException.of("file", "sentence.fieldProblem", row.position(),
                        Sentence.of("sentence.fieldProblem", "marking", Requirements.sentenceOf(e)));
            }
        }
        audit.append(user, "LEADS_IMPORTED", null, KIND, Sentence.of("audit.detail.leadsImported", ids.size()));
        return ids.stream().map(id -> find(user, id)).toList();
    }

    /**
     * Saves a feed item as a lead unless a lead with the same key exists already (then returns empty). Used by
     * {@link Feeds}; the caller holds the transaction.
     */
    Optional<Long> saveFeedItem(DicasUser author, LeadCommand c, Lead.Origin origin, Long feedId, String key) {
        if (jdbc.sql("select exists (select 1 from lead where external_key = :k)").param("k", key)
                .query(Boolean.class).single()) {
            return Optional.empty();
        }
        return Optional.of(save(author, c, origin, feedId, key));
    }

    private long save(DicasUser user, LeadCommand c, Lead.Origin origin, Long feedId, String key) {
        LeadSource source = LeadSource.parse("sourceType", c.sourceType());
        if (c.sourceName().isEmpty()) {
            throw InvalidInputException.of("sourceName", "lead.error.sourceNameRequired");
        }
        if (c.sourceName().length() > 300) {
            throw InvalidInputException.of("sourceName", "requirement.error.tooLong", 300);
        }
        if (c.text().isEmpty() && c.title().isEmpty()) {
            throw InvalidInputException.of("text", "lead.error.textRequired");
        }
        if (c.text().length() > 20000) {
            throw InvalidInputException.of("text", "requirement.error.tooLong", 20000);
        }
        LocalDate date = c.date() == null ? today() : c.date();
        if (date.isAfter(today().plusDays(1))) {
            throw InvalidInputException.of("date", "lead.error.dateInFuture", date.toString());
        }
        String link = c.link();
        if (!link.isEmpty()) {
            checkLink("link", link);
        }
        String title = c.title().isEmpty() ? titleFrom(c.text()) : c.title();
        if (title.length() > 500) {
            throw InvalidInputException.of("title", "requirement.error.tooLong", 500);
        }
        Marking marking = Marking.required(c.marking());
        String language = language(title + " " + c.text());
        long id = records.register(KIND, title, String.join("\n", title, c.text(), c.sourceName()), marking,
                Optional.empty(), user, i -> "/leads/" + i);
        jdbc.sql("""
                        insert into lead (id, source_type, source_name, lead_date, title, body, language, link,
                                          external_key, feed_id, origin, entered_by)
                        values (:id, :type, :name, :date, :title, :body, :lang, :link, :key, :feed, :origin, :u)""")
                .param("id", id).param("type", source.name()).param("name", c.sourceName()).param("date", date)
                .param("title", title).param("body", c.text()).param("lang", language)
                .param("link", link.isEmpty() ? null : link).param("key", key).param("feed", feedId)
                .param("origin", origin.name()).param("u", user.id()).update();
        return id;
    }

    /** An http(s) address, or an error naming {@code field}. */
    static URI checkLink(String field, String link) {
        try {
            URI u = new URI(link);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw InvalidInputException.of(field, "lead.error.notHttp", link);
            }
            return u;
        } catch (URISyntaxException e) {
            throw InvalidInputException.of(field, "lead.error.notHttp", link);
        }
    }

    /** The first sentence or line of the text, at most 120 characters. */
    static String titleFrom(String text) {
        String first = text.strip().split("\\R", 2)[0];
        int stop = -1;
        for (int i = 0; i < first.length(); i++) {
            char ch = first.charAt(i);
            if (ch == '。' || (ch == '.' && i + 1 < first.length() && first.charAt(i + 1) == ' ')) {
                stop = i + 1;
                break;
            }
        }
        String t = stop > 0 ? first.substring(0, stop) : first;
        return t.length() <= 120 ? t.strip() : t.substring(0, 119).strip() + "…";
    }

    /** {@code ja} when the text holds any kana or kanji, else {@code en}. */
    public static String language(String text) {
        return Language.detect(text) == Language.JA ? "ja" : "en";
    }
}
