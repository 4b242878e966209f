package org.dicas.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.ReadableIds;
import org.dicas.shared.TableView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one read path for marked records. Every module reads its records through here; none composes the policy
 * predicate itself ({@link ReleasabilityPolicy}'s SQL rendering is package-private, and {@code ReadPathTest} fails
 * when a module mentions the {@code record} table without a policy token or touches its marking columns).
 *
 * <p>A module writes its SQL with the {@code record} row of each marked record under an alias, and says in a token
 * how that alias is filtered:
 * <ul>
 * <li>{@code {readable:r}} — the policy predicate for the reader over {@code record r};</li>
 * <li>{@code {readableInContainer:r}} — the same, and the record's container (a reply's thread, an agenda item's
 * meeting) must be readable too;</li>
 * <li>{@code {everyRecord:r}} — no filter: a system read (the search index, the planner, demo data), allowed only
 * through {@link #everyRecord} and only in the classes {@code ReadPathTest} names.</li>
 * </ul>
 * {@link #ids} gives the set of record ids a reader may read (search, the opportunity finder and the analyses filter
 * with it), cached by the reader's policy attributes, today's date and the database-wide <em>policy epoch</em>: a
 * counter that a trigger moves in the same transaction as any change that can alter readability (records, markings,
 * containers, authorizations and their attachments, users, organizations). So a cached set is never older than the
 * last committed change, on any node sharing the database.
 */
@Service
public class ReadableRecords {

    private static final Pattern TOKEN = Pattern.compile("\\{(readable|readableInContainer|everyRecord):(\\w+)}");
    static final Pattern RECORD_ALIAS = Pattern.compile("(?i)\\b(?:from|join)\\s+record\\s+(?:as\\s+)?(\\w+)");
    /** A table a query reads: {@code from t} or {@code join t}. */
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|join)\\s+(\\w+)");
    private static final Pattern FROM = Pattern.compile("(?i)\\bfrom\\b");
    /** A table list in parentheses ({@code from (a join b)}), where no {@code from} or {@code join} names each table. */
    private static final Pattern PARENTHESISED_JOIN = Pattern.compile("(?i)\\b(?:from|join)\\s*\\((?!\\s*select\\b)");
    /** What ends a {@code from} list. */
    private static final Pattern FROM_ENDS = Pattern.compile(
            "(?i)(?:where|order|group|having|limit|offset|union|except|intersect|window|returning)\\b");

    private record Key(Map<String, Object> policyParameters, PolicyEpoch epoch) {
    }

    private final JdbcClient jdbc;
    private final ReleasabilityPolicy policy;
    private final KeptReads keptReads;
    private final Cache<Key, ReadableIds> sets = Caffeine.newBuilder().maximumSize(1_000).build();
    private final Cache<String, String> readerQueries = Caffeine.newBuilder().maximumSize(2_000).build();
    private final Cache<String, String> systemReads = Caffeine.newBuilder().maximumSize(2_000).build();
    private final Cache<String, String> keptQueries = Caffeine.newBuilder().maximumSize(2_000).build();
    private final Cache<String, String> keptLists = Caffeine.newBuilder().maximumSize(2_000).build();

    @Autowired
    ReadableRecords(JdbcClient jdbc, ReleasabilityPolicy policy, KeptReads keptReads) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.keptReads = keptReads;
    }

    /** Without keeping: every read asks the database. */
    ReadableRecords(JdbcClient jdbc, ReleasabilityPolicy policy) {
        this(jdbc, policy, null);
    }

    /**
     * The one record with this id that {@code sql} finds, if {@code reader} may read it — as
     * {@code query(reader, sql).param("id", id)} would answer, but from a row kept from an earlier read when this node
     * keeps rows (ADR 0049, {@link KeptReads}): the row is kept as every reader would see it, with its record's marking,
     * and {@link ReleasabilityPolicy#mayRead} decides on every read, for this reader, today. {@code sql} selects one
     * record by {@code :id} under exactly one {@code {readable:x}} token and no other; the record it reads is
     * {@code record x} with that id. {@code weight} tells about how many bytes a row holds. The value {@code rows} maps
     * is kept and given to every reader, so it must not depend on the reader (nor on the reader's language). A missing
     * id's answer is kept as well, so that it comes as fast as that of a record the reader may not read.
     *
     * @throws IllegalArgumentException if {@code sql} has another token, more than one, or a {@code record} alias
     *                                  without one, or reads a table whose changes do not notify
     *                                  ({@link KeptReads#HEARD_TABLES})
     */
    public <T> Optional<T> one(DicasUser reader, String sql, long id, RowMapper<T> rows, ToIntFunction<T> weight) {
        String unfiltered = keptQueries.get(sql, this::unfiltered);
        if (keptReads == null || !keptReads.keeping()) {
            if (keptReads != null) {
                keptReads.readFromTheDatabase();
            }
            return query(reader, sql).param("id", id).query(rows).optional();
        }
        return keptReads.row(new KeptReads.Key(sql, id), () -> jdbc.sql(unfiltered).param("id", id)
                        .query((rs, n) -> {
                            T value = rows.mapRow(rs, n);
                            Marking marking = Marking.parse(rs.getString("kept_marking"));
                            return new KeptReads.Row(value, new RecordMarking(marking,
                                    NationCode.of(rs.getString("kept_origin")),
                                    Optional.ofNullable((Long) rs.getObject("kept_company")), List.of(),
                                    rs.getBoolean("kept_government_only"), rs.getBoolean("kept_withheld")),
                                    weight.applyAsInt(value));
                        }).optional()
                        .map(r -> r.marking().marking().export().isEmpty() ? r
                                : new KeptReads.Row(r.value(), withAuthorizations(r.marking(), id), r.weight())))
                .filter(r -> policy.mayRead(reader, r.marking()))
                .map(r -> {
                    @SuppressWarnings("unchecked") T value = (T) r.value();
                    return value;
                });
    }

    /**
     * One page of a list as {@link #page(DicasUser, String, ListColumns, Map, Paging, TableView, RowMapper)} answers
     * it, but from the page kept from an earlier read when this node keeps reads (ADR 0050, {@link KeptReads}): a page
     * is kept for the values of the policy it was read under — the reader's level, nation, groups, company and
     * government, and today's date — with the query's own values and the page asked for, and given only to a read with
     * the same values. The policy's SQL, which decided that page, depends on nothing else but the database, and every
     * change to the tables the query reads makes every node forget. So {@code sql} may read only tables whose changes
     * notify ({@link KeptReads#HEARD_TABLES}: records, documents, users, organizations, authorizations), and the values
     * {@code rows} maps are given to every reader with those values, so they must not depend on the reader otherwise
     * (nor on the reader's language). {@code weight} tells about how many bytes an item holds. A query whose values
     * are not plain values (text, numbers, dates, truth values) is read from the database every time.
     *
     * @throws IllegalArgumentException if {@code sql} reads a table whose changes do not notify
     */
    public <T> Page<T> keptPage(DicasUser reader, String sql, ListColumns columns, Map<String, ?> params,
                                Paging paging, TableView view, RowMapper<T> rows, ToIntFunction<T> weight) {
        String filtered = keptLists.get(sql + columns.where(view), text -> {
            heardOnly(text);
            return text;
        });
        String order = columns.order(view);
        Map<String, Object> values = columns.parameters(view, params);
        if (keptReads == null || !keptReads.keeping() || !values.values().stream().allMatch(ReadableRecords::plain)) {
            if (keptReads != null) {
                keptReads.readFromTheDatabase();
            }
            return page(reader, filtered, order, values, paging, rows);
        }
        // one set of the policy's values for the key and the read: a read across midnight is filed under its own day
        Map<String, Object> policyValues = policy.sqlParameters(reader);
        KeptReads.PageKey key = new KeptReads.PageKey(filtered + " order by " + order, policyValues, values,
                paging.offset(), paging.size());
        return keptReads.page(key, () -> page(policyValues, reader, filtered, order, values, paging, rows), weight);
    }

    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof java.time.temporal.Temporal || value instanceof Enum<?>;
    }

    /**
     * Refuses a query that reads a table whose changes do not notify: what it keeps could outlive a change. Every table
     * must follow {@code from} or {@code join} by its plain name: quoted names, comments, tables listed after a comma
     * and tables joined inside parentheses are refused (they could hide one; a parenthesised {@code select} is read
     * like any other), and so is text that merely looks like a table ({@code extract(x from y)}) — write it otherwise.
     * Literals are skipped. A function or view that reads other tables cannot be seen here: do not call one.
     */
    static void heardOnly(String sql) {
        if (sql.contains("\"") || sql.contains("/*") || sql.contains("--")) {
            throw new IllegalArgumentException(
                    "a kept read names its tables plainly, without quotes or comments, so that every one is seen: " + sql);
        }
        Matcher t = TABLE.matcher(sql);
        while (t.find()) {
            String table = t.group(1).toLowerCase(java.util.Locale.ROOT);
            if (!KeptReads.HEARD_TABLES.contains(table)) {
                throw new IllegalArgumentException("a kept read reads " + table
                        + ", whose changes do not notify the nodes that keep it: " + sql);
            }
        }
        if (PARENTHESISED_JOIN.matcher(sql).find()) {
            throw new IllegalArgumentException(
                    "a kept read names its tables after from and join, not in parentheses, so that every one is seen: "
                            + sql);
        }
        Matcher from = FROM.matcher(sql);
        while (from.find()) {
            int depth = 0;
            for (int i = from.end(); i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '\'') { // a literal: nothing in it is a table or ends the list
                    int close = sql.indexOf('\'', i + 1);
                    i = close < 0 ? sql.length() : close;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth-- == 0) {
                        break;
                    }
                } else if (depth == 0 && c == ',') {
                    throw new IllegalArgumentException(
                            "a kept read joins its tables with join, not a comma, so that every one is seen: " + sql);
                } else if (depth == 0 && !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_'
                        && sql.charAt(i - 1) != '.' && FROM_ENDS.matcher(sql).region(i, sql.length()).lookingAt()) {
                    break;
                }
            }
        }
    }

    private RecordMarking withAuthorizations(RecordMarking m, long id) {
        return new RecordMarking(m.marking(), m.originNation(), m.owningCompanyId(),
                ExportAuthorizations.attachedTo(jdbc, id), m.governmentOnly(), m.withheld());
    }

    /**
     * A one-record query as every reader would see it, with its record's marking columns after its own: the one
     * {@code {readable:x}} token becomes {@code true}, and {@code record} is joined again by {@code :id}.
     */
    private String unfiltered(String sql) {
        Matcher m = TOKEN.matcher(sql);
        if (!m.find() || !m.group(1).equals("readable")) {
            throw new IllegalArgumentException("a read by id names its record with one {readable:x} token: " + sql);
        }
        String alias = m.group(2);
        if (m.find()) {
            throw new IllegalArgumentException("a read by id has one policy token, not more: " + sql);
        }
        Matcher a = RECORD_ALIAS.matcher(sql);
        while (a.find()) {
            if (!a.group(1).equals(alias)) {
                throw new IllegalArgumentException("record " + a.group(1) + " is read without a policy token for it");
            }
        }
        heardOnly(sql);
        String own = sql.replace("{readable:" + alias + "}", "true");
        return "select q.*, kept.marking as kept_marking, kept.origin_nation as kept_origin,"
                + " kept.owning_company_id as kept_company, kept.government_only as kept_government_only,"
                + " kept.withheld as kept_withheld from (" + own + ") q join record kept on kept.id = :id";
    }

    /**
     * A query over marked records as {@code reader} may see them: every {@code {readable:x}} and
     * {@code {readableInContainer:x}} token becomes the policy predicate over {@code record x}.
     *
     * @throws IllegalArgumentException if the SQL names a {@code record} alias without a token for it, or holds an
     *                                  {@code {everyRecord:x}} token
     */
    public JdbcClient.StatementSpec query(DicasUser reader, String sql) {
        return jdbc.sql(expand(sql, reader)).params(policy.sqlParameters(reader));
    }

    /**
     * One page of a query over marked records as {@code reader} may see them (tokens as in {@link #query}), in the
     * SQL: {@code sql} is the query without its order, {@code order} the {@code order by} list, which must end in a
     * unique column (the id) so that pages neither overlap nor skip. The total counts the rows of the same filtered
     * query, so a record the reader may not read is never counted; it is counted only when the page alone does not
     * tell it (a full page, or one past the end).
     */
    public <T> Page<T> page(DicasUser reader, String sql, String order, Map<String, ?> params, Paging paging,
                            RowMapper<T> rows) {
        return page(policy.sqlParameters(reader), reader, sql, order, params, paging, rows);
    }

    private <T> Page<T> page(Map<String, Object> policyValues, DicasUser reader, String sql, String order,
                             Map<String, ?> params, Paging paging, RowMapper<T> rows) {
        List<T> items = jdbc.sql(expand(sql + " order by " + order + " limit :pageSize offset :pageOffset", reader))
                .params(policyValues).params(params)
                .param("pageSize", paging.size()).param("pageOffset", paging.offset()).query(rows).list();
        long total = paging.totalWhenShown(items.size());
        if (total < 0) {
            total = jdbc.sql(expand("select count(*) from (" + sql + ") as counted", reader)).params(policyValues)
                    .params(params).query(Long.class).single();
        }
        return new Page<>(items, paging, total);
    }

    /**
     * One page of a list as the reader asked to see it ({@link TableView}): sorted by the column asked for, filtered by
     * the text asked for, both as the list's {@link ListColumns} define them; otherwise as {@link #page}. {@code sql}
     * must end in its {@code where} clause (the filter is added to it).
     */
    public <T> Page<T> page(DicasUser reader, String sql, ListColumns columns, Map<String, ?> params, Paging paging,
                            TableView view, RowMapper<T> rows) {
        return page(reader, sql + columns.where(view), columns.order(view), columns.parameters(view, params), paging,
                rows);
    }

    /** A system read over every record, whoever may read it; {@code why} says what it is for (for the reader of the code). */
    public JdbcClient.StatementSpec everyRecord(String sql, String why) {
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("say why a read ignores the releasability policy");
        }
        return jdbc.sql(expand(sql, null));
    }

    /** The ids of every record the reader may read (containers included), from the cache when nothing changed. */
    public ReadableIds ids(DicasUser reader) {
        SqlFilter filter = policy.sqlFilterWithContainer(reader, "r");
        // the epoch is read before the set: a change committed in between files a newer set under an older key,
        // which the next read replaces; an older set is never filed under a newer key.
        Key key = new Key(filter.parameters(), epoch());
        return sets.get(key, k -> ReadableIds.of(jdbc.sql("select r.id from record r where " + filter.clause())
                .params(filter.parameters()).query(Long.class).list()));
    }

    /**
     * The policy epoch now: the database-wide counter that moves with every committed change that can alter who may
     * read what, and today's date. Read it before what you cache under it.
     */
    public PolicyEpoch epoch() {
        return new PolicyEpoch(jdbc.sql("select value from policy_epoch").query(Long.class).single(), policy.today());
    }

    String expand(String sql, DicasUser reader) {
        // the clause names only the alias (the reader's values are parameters), so a query's text expands alike for
        // every reader: expanded and checked once per text, for readers and system reads apart
        return (reader == null ? systemReads : readerQueries).get(sql, text -> expandOnce(text, reader));
    }

    private String expandOnce(String sql, DicasUser reader) {
        Set<String> covered = new LinkedHashSet<>();
        Matcher m = TOKEN.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kind = m.group(1);
            String alias = m.group(2);
            covered.add(alias);
            String clause;
            if (kind.equals("everyRecord")) {
                if (reader != null) {
                    throw new IllegalArgumentException("{everyRecord:" + alias + "} in a reader's query");
                }
                clause = "true";
            } else {
                if (reader == null) {
                    throw new IllegalArgumentException("{" + kind + ":" + alias + "} in a system read");
                }
                clause = kind.equals("readable") ? policy.sqlFilter(reader, alias).clause()
                        : policy.sqlFilterWithContainer(reader, alias).clause();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(clause));
        }
        m.appendTail(out);
        Map<String, Boolean> aliases = new LinkedHashMap<>();
        Matcher a = RECORD_ALIAS.matcher(sql);
        while (a.find()) {
            aliases.put(a.group(1), covered.contains(a.group(1)));
        }
        aliases.forEach((alias, ok) -> {
            if (!ok) {
                throw new IllegalArgumentException("record " + alias + " is read without a policy token for it");
            }
        });
        return out.toString();
    }
}
