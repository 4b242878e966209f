package org.dicas.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Marking;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.Sentence;
import org.dicas.shared.SentenceJson;
import org.dicas.shared.Sentences;
import org.dicas.shared.TableView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The tamper-evident audit log (ADRs 0007 and 0017). Actions (sign-ins, creates, updates, decisions …) are appended
 * to a hash chain under one lock ({@link AuditChain}); reads of single CUI records are recorded without that lock
 * ({@link AuditReads}) and sealed into the chain in batches ({@link ReadSealer}). The database refuses UPDATE,
 * DELETE and TRUNCATE on both tables; {@link #verify()} finds any row changed, removed or slipped in behind its back.
 */
@Service
public class AuditLog {

    /**
     * One audited event as a reader sees it. {@code detail}: what the entry says, in the reader's language (ADR 0032),
     * or, for an entry written before details were kept as sentences, its text as written. {@code detailKey} and
     * {@code detailArgs}: the sentence as codes — its message key and its arguments, a nested sentence (a nation, a
     * label) as {@code {"key", "args"}} — or null and empty for an entry written as text.
     */
    public record Entry(long id, Instant at, String actor, String action, Long recordId, String recordKind,
                        String detail, String detailKey, List<Object> detailArgs, String prevHash, String hash) {
        public Entry {
            detailArgs = detailArgs == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(detailArgs));
        }
    }

    /**
     * The outcome of a walk. {@code entries}: chain entries verified (before this walk and in it); {@code reads}:
     * reads in sealed batches verified; {@code unsealedReads}: reads not sealed yet (recorded, not yet covered by the
     * chain). {@code firstBrokenEntry}: the first chain entry whose link or content does not match;
     * {@code firstBrokenReadBatch}: the first {@code READS_SEALED} entry whose reads do not match it (one removed,
     * altered or slipped in); {@code firstBrokenRead}: the first read whose own hash does not match its fields.
     * {@code full}: walked from the start; otherwise from after entry {@code resumedAfter}, the last verified one,
     * with {@code checkedEntries} walked now. {@code lastEntry} and {@code lastHash}: the head of the chain as walked
     * (ship the hash to an external store, so that a truncated tail is detectable).
     */
    public record Verification(boolean valid, long entries, Long firstBrokenEntry, long reads, long unsealedReads,
                               Long firstBrokenReadBatch, Long firstBrokenRead, boolean full, long resumedAfter,
                               long checkedEntries, long lastEntry, String lastHash) {
    }

    /** What to list; every part optional ({@code to} exclusive). */
    public record Filter(String actor, String action, Long recordId, Instant from, Instant to) {
    }

    /**
     * What the listing sorts by ({@code sort}): {@code id} (its own order, newest first: entries and reads take their
     * ids from one sequence, so the id is the order in which they were recorded), {@code time} (newest first unless
     * asked otherwise), {@code actor}, {@code action} and {@code record} (the record's id); ties broken by the id, so
     * pages neither overlap nor skip. It has no text filter: it filters by actor, action, record and dates
     * ({@link Filter}).
     */
    public static final ListColumns LISTING = ListColumns.orderedBy("id", "id", true, "id")
            .and("time", "at", true).and("actor", "actor").and("action", "action").and("record", "record_id");

    private static final String COLUMNS =
            "id, at, actor, action, record_id, record_kind, detail, prev_hash, hash, detail_sentence";

    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final AuditReads reads;
    private final ReadSealer sealer;
    private final AuditVerifier verifier;

    AuditLog(JdbcClient jdbc, AuditChain chain, AuditReads reads, ReadSealer sealer, AuditVerifier verifier) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.reads = reads;
        this.sealer = sealer;
        this.verifier = verifier;
    }

    /**
     * Appends an entry to the chain and answers its id; joins the caller's transaction when there is one. What the
     * entry says is a sentence — a message key and its arguments (ids, names people typed, codes; nations and labels
     * as nested sentences) — kept as JSON under the chain's hash and rendered in each reader's language (ADR 0032).
     * There is no form taking text: an audit detail cannot be written in one language.
     */
    public long append(String actor, String action, Long recordId, String recordKind, Sentence detail) {
        Objects.requireNonNull(detail, "detail (use the form without one when the action says it all)");
        return chain.append(actor, action, recordId, recordKind, "", SentenceJson.write(detail));
    }

    public long append(DicasUser actor, String action, Long recordId, String recordKind, Sentence detail) {
        return append(actor.username(), action, recordId, recordKind, detail);
    }

    /** Appends an entry whose action says it all (a sign-out, a deletion). */
    public long append(String actor, String action, Long recordId, String recordKind) {
        return chain.append(actor, action, recordId, recordKind, "", null);
    }

    public long append(DicasUser actor, String action, Long recordId, String recordKind) {
        return append(actor.username(), action, recordId, recordKind);
    }

    /** The audit action of a download of a derived product (a PDF, a CSV export). */
    public static final String EXPORTED = "EXPORTED";

    /**
     * Records that {@code reader} downloaded a derived product — {@code what} names it (e.g. the sentence of
     * "Audit log (CSV)") — marked {@code banner}; about one record when {@code recordId} is given, else about a list.
     */
    public long exported(DicasUser reader, Long recordId, String recordKind, Sentence what, Marking banner) {
        return append(reader, EXPORTED, recordId, recordKind, Sentence.of("audit.detail.exported", what,
                banner.banner()));
    }

    /**
     * A list as an argument of an audit detail: its items (joined in the reader's language), or "none" in the
     * reader's language when there are none.
     */
    public static Object items(Collection<?> items) {
        return items == null || items.isEmpty() ? Sentence.of("audit.detail.none") : new ArrayList<>(items);
    }

    /** Nations (codes) as an argument of an audit detail: their names in the reader's language, or "none". */
    public static Object nations(Collection<?> codes) {
        return items(codes == null ? List.of() : codes.stream().map(Sentence::nation).toList());
    }

    /**
     * Records the read of a single record when it is CUI (lists are not logged entry by entry), inside the caller's
     * transaction when there is one: a read whose transaction rolls back was not served.
     */
    public void read(DicasUser reader, String kind, long id, Marking marking) {
        if (marking.level() == AccessLevel.CUI) {
            reads.record(reader.username(), kind, id, marking.banner());
        }
    }

    /**
     * Seals the reads recorded so far, then verifies what was added since the last verification. Sealing runs in
     * transactions of its own: do not call this inside a transaction that has appended to the chain.
     */
    public Verification verify() {
        sealer.sealNow();
        return verifier.verify(false);
    }

    /** Seals the reads recorded so far, then verifies the whole chain and every sealed read from the start. */
    public Verification verifyEverything() {
        sealer.sealNow();
        return verifier.verify(true);
    }

    /** Audited events (chain entries and reads) matching the filter, newest first, details in {@code locale}. */
    public Page<Entry> entries(Filter f, Paging paging, Locale locale) {
        return entries(f, paging, TableView.NONE, locale);
    }

    /**
     * Audited events (chain entries and reads) matching the filter, sorted as the view asks ({@link #LISTING}; newest
     * first unless asked otherwise), details in {@code locale}.
     */
    public Page<Entry> entries(Filter f, Paging paging, TableView view, Locale locale) {
        String order = LISTING.order(view);
        // no text filter: a q is refused naming the problem
        StringBuilder where = new StringBuilder(" where true" + LISTING.where(view));
        Map<String, Object> p = new HashMap<>();
        if (f.actor() != null && !f.actor().isBlank()) {
            where.append(" and actor = :actor");
            p.put("actor", f.actor().strip());
        }
        if (f.action() != null && !f.action().isBlank()) {
            where.append(" and action = :action");
            p.put("action", f.action().strip());
        }
        if (f.recordId() != null) {
            where.append(" and record_id = :rid");
            p.put("rid", f.recordId());
        }
        if (f.from() != null) {
            where.append(" and at >= :from");
            p.put("from", Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" and at < :to");
            p.put("to", Timestamp.from(f.to()));
        }
        long total = jdbc.sql("select count(*) from audit_trail" + where).params(p).query(Long.class).single();
        p.put("limit", paging.size());
        p.put("offset", paging.offset());
        List<Entry> items = jdbc.sql("select " + COLUMNS + " from audit_trail" + where
                        + " order by " + order + " limit :limit offset :offset").params(p)
                .query((rs, n) -> entry(rs, locale)).list();
        return new Page<>(items, paging, total);
    }

    /**
     * What was done to one record (the chain's entries about it, not its reads), newest first, details in
     * {@code locale}.
     */
    public List<Entry> changesOf(long recordId, Locale locale) {
        return jdbc.sql("select " + COLUMNS + " from audit_entry where record_id = :rid and action <> :read"
                        + " order by id desc limit 500")
                .param("rid", recordId).param("read", AuditReads.ACTION).query((rs, n) -> entry(rs, locale)).list();
    }

    public List<String> actions() {
        return jdbc.sql("""
                select action from audit_entry
                union select cast(:read as text) where exists (select 1 from audit_read)
                order by 1""").param("read", AuditReads.ACTION).query(String.class).list();
    }

    private static Entry entry(ResultSet rs, Locale locale) throws SQLException {
        String action = rs.getString(4);
        String text = rs.getString(7);
        Sentence said = said(action, text, rs.getString(10));
        return new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), action,
                (Long) rs.getObject(5), rs.getString(6), said == null ? text : Sentences.render(said, locale),
                said == null ? null : said.key(), said == null ? List.of() : codes(said.args()), rs.getString(8),
                rs.getString(9));
    }

    /**
     * What an entry says as a sentence: the one stored with it, or a seal's, which is read from its detail (the
     * verifier's text, for seals written before sentences too); null for an entry written as text.
     */
    private static Sentence said(String action, String text, String sentenceJson) {
        if (sentenceJson != null) {
            return SentenceJson.read(sentenceJson);
        }
        if (ReadSeal.ACTION.equals(action)) {
            return ReadSeal.parse(text).map(ReadSeal::sentence).orElse(null);
        }
        return null;
    }

    /** A sentence's arguments as codes: a nested sentence as its key and arguments, a list as a list. */
    private static List<Object> codes(List<Object> args) {
        List<Object> out = new ArrayList<>(args.size());
        for (Object a : args) {
            if (a instanceof Sentence s) {
                Map<String, Object> nested = new LinkedHashMap<>();
                nested.put("key", s.key());
                nested.put("args", codes(s.args()));
                out.add(nested);
            } else if (a instanceof Collection<?> c) {
                out.add(codes(new ArrayList<>(c)));
            } else {
                out.add(a);
            }
        }
        return out;
    }
}
