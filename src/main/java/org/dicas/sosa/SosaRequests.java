package org.dicas.sosa;

import org.dicas.shared.ListColumns;
import org.dicas.shared.TableView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dicas.notifications.Notifications;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.security.Role;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.dicas.shared.SentenceJson;
import org.dicas.shared.Sentences;
import org.dicas.sosa.SosaRequest.Action;
import org.dicas.sosa.SosaRequest.NodeRef;
import org.dicas.sosa.SosaRequest.Response;
import org.dicas.sosa.SosaRequest.Status;
import org.dicas.titles.RecordTitles;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;

/**
 * The Security of Supply request workflow. A government user submits a request to the other nation's SoSA office
 * (the requesting nation is the author's); a government user of the receiving nation acknowledges it and records
 * the firm's response; a government user of the requesting nation closes it ({@link SosaWriteRules}). Wrong steps
 * are refused naming {@code status}, the wrong nation or an industry user gets "forbidden" with the rule's reason,
 * and a request the user may not read does not exist. Every step is audited ({@code SOSA_SUBMITTED}, {@code SOSA_ACKNOWLEDGED}, {@code SOSA_RESPONDED},
 * {@code SOSA_CLOSED}), kept in the request's history and notified to the other side.
 */
@Service
public class SosaRequests {

    /** The kind of the {@code record} row of a request. */
    public static final String KIND = "SOSA_REQUEST";
    /** The kind of the supply-network node records a request may name. */
    public static final String NODE_KIND = "SUPPLY_NODE";
    /** Who hears of a new request: government users of the receiving nation with one of these roles. */
    public static final Set<Role> NOTIFIED_ROLES = EnumSet.of(Role.ACQUISITION, Role.POLICY);
    /** Values of the list's {@code state} filter besides the statuses. */
    public static final String OPEN = "OPEN";
    public static final String ALL = "ALL";

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReleasabilityPolicy policy;
    private final ReadableRecords readable;
    private final AuditLog audit;
    private final Directory directory;
    private final Notifications notifications;
    private final Clock clock;

    private final RecordTitles titles;

    SosaRequests(JdbcClient jdbc, MarkedRecords records, ReleasabilityPolicy policy, ReadableRecords readable, AuditLog audit,
                 Directory directory, Notifications notifications, Clock clock, RecordTitles titles) {
        this.jdbc = jdbc;
        this.titles = titles;
        this.records = records;
        this.policy = policy;
        this.readable = readable;
        this.audit = audit;
        this.directory = directory;
        this.notifications = notifications;
        this.clock = clock;
    }

    private static final String SELECT = """
            select s.id, r.marking, s.status, s.requesting_nation, s.receiving_nation, s.program, s.item,
                   s.supplier_node_id, s.supplier_name, s.quantity, s.needed_by, s.justification, s.requester_id,
                   u.display_name, s.submitted_at, s.acknowledged_at, ua.display_name, s.acknowledge_note,
                   s.response, s.promised_date, s.promised_quantity, s.response_note, s.responded_at,
                   ur.display_name, s.closed_at, uc.display_name, s.outcome_note
            from sosa_request s join record r on r.id = s.id join app_user u on u.id = s.requester_id
            left join app_user ua on ua.id = s.acknowledged_by left join app_user ur on ur.id = s.responded_by
            left join app_user uc on uc.id = s.closed_by
            where {readable:r}""";

    /** A row before the reader-specific parts (nodes, history, ages) are added. */
    private record Row(long id, Marking marking, Status status, String requestingNation, String receivingNation,
                       String program, String item, Long supplierNodeId, String supplierName, int quantity,
                       LocalDate neededBy, String justification, long requesterId, String requesterName,
                       Instant submittedAt, SosaRequest.Acknowledgement acknowledgement,
                       SosaRequest.FirmResponse firmResponse, SosaRequest.Closure closure) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        Instant ackAt = instant(rs, 16);
        Instant respAt = instant(rs, 23);
        Instant closedAt = instant(rs, 25);
        return new Row(rs.getLong(1), Marking.parse(rs.getString(2)), Status.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), (Long) rs.getObject(8),
                rs.getString(9), rs.getInt(10), rs.getObject(11, LocalDate.class), rs.getString(12), rs.getLong(13),
                rs.getString(14), instant(rs, 15),
                ackAt == null ? null : new SosaRequest.Acknowledgement(ackAt, rs.getString(17), rs.getString(18)),
                respAt == null ? null : new SosaRequest.FirmResponse(Response.valueOf(rs.getString(19)),
                        rs.getObject(20, LocalDate.class), (Integer) rs.getObject(21), rs.getString(22), respAt,
                        rs.getString(24)),
                closedAt == null ? null : new SosaRequest.Closure(closedAt, rs.getString(26), rs.getString(27)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private JdbcClient.StatementSpec visible(String sql, DicasUser user, Map<String, Object> params) {
        return readable.query(user, sql).params(params);
    }

    /** Today, by the platform clock: the reference for ages and for "not in the past". */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ----------------------------------------------------------------------------------------------- reads

    /**
     * A page of the requests the user may read, most urgent (earliest needed-by) first, then by id. {@code state} is {@code OPEN} (default:
     * everything not closed), {@code ALL} or one status; {@code nation} (optional) keeps requests this nation sent or
     * received.
     */
    public Page<SosaRequest> list(DicasUser user, String state, String nation, Paging paging) {
        return list(user, state, nation, paging, TableView.NONE);
    }

    /**
     * What the requests list sorts and filters by: most urgent (earliest needed-by) first unless asked otherwise; the
     * filter looks in the item, the program and the supplier's name.
     */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("neededBy", "s.needed_by", false, "s.id")
            .and("item", "lower(s.item)").and("program", "lower(s.program)").and("status", "s.status")
            .and("quantity", "s.quantity").and("submitted", "s.submitted_at", true)
            .filterIn("s.item", "s.program", "s.supplier_name");

    /** As {@link #list(DicasUser, String, String, Paging)}, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<SosaRequest> list(DicasUser user, String state, String nation, Paging paging, TableView view) {
        String st = state == null || state.isBlank() ? OPEN : state.strip().toUpperCase(Locale.ROOT);
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> p = new HashMap<>();
        if (st.equals(OPEN)) {
            sql.append(" and s.status <> 'CLOSED'");
        } else if (!st.equals(ALL)) {
            Status status = parseStatus(st);
            sql.append(" and s.status = :status");
            p.put("status", status.name());
        }
        if (nation != null && !nation.isBlank()) {
            String n = nation.strip().toUpperCase(Locale.ROOT);
            if (!NationCode.isValid(n) || !directory.nationExists(n)) {
                throw InvalidInputException.of("nation", "sosa.error.unknownNation", nation.strip());
            }
            sql.append(" and (s.requesting_nation = :nation or s.receiving_nation = :nation)");
            p.put("nation", n);
        }
        return readable.page(user, sql.toString(), COLUMNS, p, paging, view, (rs, n) -> row(rs))
                .map(rows -> assemble(user, rows));
    }

    private static Status parseStatus(String state) {
        try {
            return Status.valueOf(state);
        } catch (IllegalArgumentException e) {
            List<String> states = new ArrayList<>(List.of(OPEN, ALL));
            java.util.Arrays.stream(Status.values()).map(Enum::name).forEach(states::add);
            throw InvalidInputException.of("state", "sosa.error.unknownState", state, states);
        }
    }

    /** One request; a request the user may not read is not found. A read of a CUI request is audited. */
    public SosaRequest get(DicasUser user, long id) {
        SosaRequest r = find(user, id);
        audit.read(user, KIND, id, r.marking());
        return r;
    }

    private SosaRequest find(DicasUser user, long id) {
        Row row = visible(SELECT + " and s.id = :id", user, Map.of("id", id)).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("SoSA request", id));
        return assemble(user, List.of(row)).get(0);
    }

    /** The supply-network nodes the user may read, to choose a supplier node or the nodes a request relieves. */
    public List<NodeRef> supplyNodes(DicasUser user) {
        return readable.query(user, "select r.id, r.title, r.marking from record r where r.kind = '" + NODE_KIND + "'"
                        + " and exists (select 1 from supply_node n where n.id = r.id) and {readableInContainer:r}"
                        + " order by r.title, r.id limit 500")
                .query((rs, n) -> new NodeRef(rs.getLong(1), rs.getString(2), Marking.parse(rs.getString(3)))).list();
    }

    /** What this user may do next on this request (for the action forms of the request page): the rules and the status. */
    public Set<Action> allowedActions(DicasUser user, SosaRequest r) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        if (r.status() == Status.SUBMITTED && SosaWriteRules.acknowledgeRequest(user, r).allowed()) {
            actions.add(Action.ACKNOWLEDGE);
        }
        if (r.status() == Status.ACKNOWLEDGED && SosaWriteRules.answerRequest(user, r).allowed()) {
            actions.add(Action.RESPOND);
        }
        if (r.status() == Status.RESPONDED && SosaWriteRules.closeRequest(user, r).allowed()) {
            actions.add(Action.CLOSE);
        }
        return actions;
    }

    /**
     * The requests as this reader sees them: the nodes they may read, and the history in the reader's language (the
     * request's locale, {@link LocaleContextHolder}: the page's language, or the API caller's Accept-Language).
     */
    private List<SosaRequest> assemble(DicasUser user, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Long>> links = new HashMap<>();
        jdbc.sql("select request_id, node_id from sosa_request_node where request_id in (:ids) order by node_id")
                .param("ids", ids)
                .query(rs -> {
                    links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Set<Long> nodeIds = new LinkedHashSet<>();
        links.values().forEach(nodeIds::addAll);
        rows.stream().map(Row::supplierNodeId).filter(java.util.Objects::nonNull).forEach(nodeIds::add);
        Map<Long, NodeRef> nodes = visibleNodes(user, nodeIds);
        Map<Long, List<SosaRequest.Event>> history = new HashMap<>();
        jdbc.sql("""
                        select e.request_id, e.at, u.display_name, u.nation, e.status, e.detail, e.detail_sentence
                        from sosa_request_event e join app_user u on u.id = e.actor_id
                        where e.request_id in (:ids) order by e.id""")
                .param("ids", ids)
                .query(rs -> {
                    history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new SosaRequest.Event(
                            rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            Status.valueOf(rs.getString(5)), detail(rs.getString(7), rs.getString(6), locale)));
                });
        LocalDate today = today();
        List<SosaRequest> out = new ArrayList<>();
        for (Row r : rows) {
            LocalDate submitted = LocalDate.ofInstant(r.submittedAt(), clock.getZone());
            LocalDate end = r.closure() != null ? LocalDate.ofInstant(r.closure().at(), clock.getZone()) : today;
            long age = Math.max(0, ChronoUnit.DAYS.between(submitted, end));
            long until = ChronoUnit.DAYS.between(today, r.neededBy());
            List<NodeRef> linked = links.getOrDefault(r.id(), List.of()).stream().map(nodes::get)
                    .filter(java.util.Objects::nonNull).toList();
            out.add(new SosaRequest(r.id(), r.marking(), r.status(), r.requestingNation(), r.receivingNation(),
                    r.program(), r.item(), r.supplierNodeId() == null ? null : nodes.get(r.supplierNodeId()),
                    r.supplierName(), r.quantity(), r.neededBy(), r.justification(), r.requesterId(),
                    r.requesterName(), r.submittedAt(), r.acknowledgement(), r.firmResponse(), r.closure(), age,
                    until, r.status() != Status.CLOSED && until < 0, linked,
                    List.copyOf(history.getOrDefault(r.id(), List.of()))));
        }
        return out;
    }

    /** A history step's text: the stored sentence in the reader's language, or the text of a step written before it. */
    private static String detail(String sentenceJson, String legacyText, Locale locale) {
        return sentenceJson == null ? legacyText : Sentences.render(SentenceJson.read(sentenceJson), locale);
    }

    /** The nodes among {@code ids} this user may read (node and, when it has one, its container). */
    private Map<Long, NodeRef> visibleNodes(DicasUser user, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, NodeRef> nodes = new LinkedHashMap<>();
        readable.query(user, "select r.id, r.title, r.marking from record r where r.id in (:nodeIds) and r.kind = '"
                        + NODE_KIND + "' and {readableInContainer:r} order by r.title, r.id")
                .param("nodeIds", List.copyOf(ids))
                .query(rs -> {
                    nodes.put(rs.getLong(1), new NodeRef(rs.getLong(1), rs.getString(2), Marking.parse(rs.getString(3))));
                });
        return nodes;
    }

    // ----------------------------------------------------------------------------------------------- writes

    /** Submits a new request from the author's nation to the receiving nation's SoSA office. */
    @Transactional
    public SosaRequest submit(DicasUser user, SosaRequestCommand c) {
        SosaWriteRules.submitRequest(user).orThrow();
        NationCode from = user.nation();
        String to = c.receivingNation() == null ? "" : c.receivingNation().strip();
        if (!NationCode.isValid(to) || !directory.nationExists(to)) {
            throw InvalidInputException.of("receivingNation", "sosa.error.unknownNation", to);
        }
        NationCode toNation = NationCode.of(to);
        if (toNation.equals(from)) {
            throw InvalidInputException.of("receivingNation", "sosa.error.ownNation", Sentence.nation(from.code()));
        }
        if (blank(c.program())) {
            throw InvalidInputException.of("program", "sosa.error.programRequired");
        }
        if (blank(c.item())) {
            throw InvalidInputException.of("item", "sosa.error.itemRequired");
        }
        if (c.quantity() == null || c.quantity() <= 0) {
            throw InvalidInputException.of("quantity", "sosa.error.quantityNotPositive");
        }
        if (c.neededBy() == null) {
            throw InvalidInputException.of("neededBy", "sosa.error.neededByRequired");
        }
        if (c.neededBy().isBefore(today())) {
            throw InvalidInputException.of("neededBy", "sosa.error.neededByPast", c.neededBy());
        }
        if (blank(c.justification())) {
            throw InvalidInputException.of("justification", "sosa.error.justificationRequired");
        }
        Marking marking = marking(c.marking());
        if (!policy.releasableToNation(toNation, marking, from)) {
            throw InvalidInputException.of("marking", "sosa.error.notReleasableToReceiver", marking.banner(),
                    Sentence.nation(toNation.code()), marking.level() + "//REL TO " + from + ", " + toNation);
        }
        if (marking.export().isPresent()) {
            throw InvalidInputException.of("marking", "sosa.error.exportControlled", Sentence.nation(toNation.code()));
        }
        Long supplierNode = c.supplierNodeId();
        if (supplierNode != null && !isReadableNode(supplierNode, user)) {
            throw InvalidInputException.of("supplierNodeId", "sosa.error.noNode", supplierNode);
        }
        String supplierName = c.supplierName().strip();
        if (supplierNode == null && supplierName.isEmpty()) {
            throw InvalidInputException.of("supplierName", "sosa.error.supplierRequired");
        }
        Set<Long> linked = new LinkedHashSet<>();
        for (Long n : c.linkedNodeIds()) {
            if (n == null || !isReadableNode(n, user)) {
                throw InvalidInputException.of("linkedNodeIds", "sosa.error.noNode", n);
            }
            linked.add(n);
        }
        String program = c.program().strip();
        String item = c.item().strip();
        String justification = c.justification().strip();
        // English officials write the trigraphs (SoSA JPN → USA), Japanese ones the nations' names (日本→米国)
        RecordTitles.Composed title = RecordTitles.Composed.each(lang -> Sentence.of("sosa.request.title",
                lang.equals("ja") ? Sentence.nation(from.code()) : from.code(),
                lang.equals("ja") ? Sentence.nation(toNation.code()) : toNation.code(), item, program));
        long id = records.register(KIND, title.english(), String.join("\n", program, item, supplierName, justification),
                marking, Optional.empty(), user, i -> "/sosa/requests/" + i);
        titles.composed(id, title);
        jdbc.sql("""
                        insert into sosa_request (id, requesting_nation, receiving_nation, program, item,
                                                  supplier_node_id, supplier_name, quantity, needed_by,
                                                  justification, status, requester_id)
                        values (:id, :from, :to, :program, :item, :node, :supplier, :qty, :needed, :why,
                                'SUBMITTED', :u)""")
                .param("id", id).param("from", from.code()).param("to", toNation.code()).param("program", program)
                .param("item", item).param("node", supplierNode).param("supplier", supplierName)
                .param("qty", c.quantity()).param("needed", c.neededBy()).param("why", justification)
                .param("u", user.id()).update();
        for (Long n : linked) {
            jdbc.sql("insert into sosa_request_node (request_id, node_id) values (:r, :n)")
                    .param("r", id).param("n", n).update();
        }
        Sentence detail = linked.isEmpty()
                ? Sentence.of("sosa.history.submitted", Sentence.nation(from.code()), Sentence.nation(toNation.code()),
                        c.quantity(), item, program, c.neededBy())
                : Sentence.of("sosa.history.submittedRelieving", Sentence.nation(from.code()),
                        Sentence.nation(toNation.code()), c.quantity(), item, program, c.neededBy(), List.copyOf(linked));
        event(id, user, Status.SUBMITTED, detail);
        audit.append(user, "SOSA_SUBMITTED", id, KIND, detail);
        List<Long> officers = directory.users().stream()
                .filter(u -> u.government() && u.nation().equals(toNation))
                .filter(u -> NOTIFIED_ROLES.stream().anyMatch(u::hasRole))
                .filter(u -> u.id() != user.id() && records.readable(id, u))
                .map(DicasUser::id).toList();
        notifications.send(officers, id, link(id), "notification.sosa.submitted", String.valueOf(id));
        return find(user, id);
    }

    /** The receiving nation acknowledges a submitted request. */
    @Transactional
    public SosaRequest acknowledge(DicasUser user, long id, SosaAcknowledgement a) {
        SosaRequest r = find(user, id);
        SosaWriteRules.acknowledgeRequest(user, r).orThrow();
        expect(r, Status.SUBMITTED, "acknowledge");
        String note = a == null ? "" : a.note().strip();
        change(id, Status.SUBMITTED, """
                update sosa_request set status = 'ACKNOWLEDGED', acknowledged_by = :u, acknowledged_at = now(),
                       acknowledge_note = :note where id = :id and status = 'SUBMITTED'""", Map.of("u", user.id(), "note", note));
        Sentence actor = Sentence.nation(user.nation().code());
        Sentence detail = note.isEmpty() ? Sentence.of("sosa.history.acknowledged", actor)
                : Sentence.of("sosa.history.acknowledgedWithNote", actor, note);
        event(id, user, Status.ACKNOWLEDGED, detail);
        audit.append(user, "SOSA_ACKNOWLEDGED", id, KIND, detail);
        notifyUsers(id, user, List.of(r.requesterId()), "notification.sosa.acknowledged", actor);
        return find(user, id);
    }

    /** The receiving nation records the firm's response to an acknowledged request. */
    @Transactional
    public SosaRequest respond(DicasUser user, long id, SosaResponseCommand c) {
        SosaRequest r = find(user, id);
        SosaWriteRules.answerRequest(user, r).orThrow();
        expect(r, Status.ACKNOWLEDGED, "respond");
        if (c.response() == null) {
            throw responseRequired();
        }
        LocalDate date = c.promisedDate();
        Integer qty = c.promisedQuantity();
        String note = c.note().strip();
        if (qty != null && qty <= 0) {
            throw InvalidInputException.of("promisedQuantity", "sosa.error.promisedQuantityNotPositive");
        }
        switch (c.response()) {
            case ACCEPTED, PARTIALLY_ACCEPTED -> {
                if (date == null) {
                    throw InvalidInputException.of("promisedDate", "sosa.error.promisedDateRequired");
                }
                if (date.isBefore(today())) {
                    throw InvalidInputException.of("promisedDate", "sosa.error.promisedDatePast", date);
                }
                if (c.response() == Response.ACCEPTED) {
                    qty = qty == null ? r.quantity() : qty;
                    if (qty < r.quantity()) {
                        throw InvalidInputException.of("promisedQuantity", "sosa.error.acceptedPromisesAll",
                                r.quantity(), Sentence.label("sosa.response", Response.PARTIALLY_ACCEPTED));
                    }
                } else {
                    if (qty == null) {
                        throw InvalidInputException.of("promisedQuantity", "sosa.error.partialNeedsQuantity");
                    }
                    if (qty > r.quantity()) {
                        throw InvalidInputException.of("promisedQuantity", "sosa.error.partialAtMostRequested",
                                r.quantity());
                    }
                }
            }
            case DECLINED -> {
                if (date != null) {
                    throw InvalidInputException.of("promisedDate", "sosa.error.declinedNoDate");
                }
                if (qty != null) {
                    throw InvalidInputException.of("promisedQuantity", "sosa.error.declinedNoQuantity");
                }
                if (note.isEmpty()) {
                    throw InvalidInputException.of("note", "sosa.error.declinedNeedsReason");
                }
            }
            default -> throw new IllegalStateException(c.response().name());
        }
        Map<String, Object> p = new HashMap<>();
        p.put("u", user.id());
        p.put("response", c.response().name());
        p.put("date", date);
        p.put("qty", qty);
        p.put("note", note);
        change(id, Status.ACKNOWLEDGED, """
                update sosa_request set status = 'RESPONDED', response = :response, promised_date = :date,
                       promised_quantity = :qty, response_note = :note, responded_by = :u, responded_at = now()
                where id = :id and status = 'ACKNOWLEDGED'""", p);
        Sentence response = Sentence.label("sosa.response", c.response());
        Sentence detail = switch (c.response()) {
            case DECLINED -> Sentence.of("sosa.history.declined", response, note);
            case ACCEPTED, PARTIALLY_ACCEPTED -> note.isEmpty()
                    ? Sentence.of("sosa.history.promised", response, qty, r.quantity(), date)
                    : Sentence.of("sosa.history.promisedWithNote", response, qty, r.quantity(), date, note);
        };
        event(id, user, Status.RESPONDED, detail);
        audit.append(user, "SOSA_RESPONDED", id, KIND, detail);
        notifyUsers(id, user, List.of(r.requesterId()), "notification.sosa.responded." + c.response().name());
        return find(user, id);
    }

    /** The requesting nation closes a request once the firm's response is in. */
    @Transactional
    public SosaRequest close(DicasUser user, long id, SosaClosure c) {
        SosaRequest r = find(user, id);
        SosaWriteRules.closeRequest(user, r).orThrow();
        expect(r, Status.RESPONDED, "close");
        if (c == null || blank(c.outcome())) {
            throw InvalidInputException.of("outcome", "sosa.error.outcomeRequired");
        }
        String outcome = c.outcome().strip();
        change(id, Status.RESPONDED, """
                update sosa_request set status = 'CLOSED', closed_by = :u, closed_at = now(), outcome_note = :note
                where id = :id and status = 'RESPONDED'""", Map.of("u", user.id(), "note", outcome));
        Sentence closed = Sentence.of("sosa.history.closed", outcome);
        event(id, user, Status.CLOSED, closed);
        audit.append(user, "SOSA_CLOSED", id, KIND, closed);
        List<Long> to = new ArrayList<>();
        jdbc.sql("select requester_id, acknowledged_by, responded_by from sosa_request where id = :id").param("id", id)
                .query(rs -> {
                    for (int i = 1; i <= 3; i++) {
                        Long u = (Long) rs.getObject(i);
                        if (u != null) {
                            to.add(u);
                        }
                    }
                });
        notifyUsers(id, user, to, "notification.sosa.closed", Sentence.nation(user.nation().code()));
        return find(user, id);
    }

    // ----------------------------------------------------------------------------------------------- helpers

    /** Refuses a step the request's status does not allow: {@code step} names it ({@code sosa.step.*}). */
    private static void expect(SosaRequest r, Status expected, String step) {
        if (r.status() != expected) {
            throw InvalidInputException.of("status", "sosa.error.wrongStatus", r.id(),
                    Sentence.label("sosa.status", r.status()), Sentence.label("sosa.status", expected),
                    Sentence.label("sosa.step", step));
        }
    }

    /** No firm's response was chosen. */
    public static InvalidInputException responseRequired() {
        return InvalidInputException.of("response", "sosa.error.responseRequired",
                java.util.Arrays.stream(Response.values()).map(x -> Sentence.label("sosa.response", x)).toList());
    }

    private void change(long id, Status expected, String sql, Map<String, Object> params) {
        int n = jdbc.sql(sql).params(params).param("id", id).update();
        if (n != 1) {
            throw InvalidInputException.of("status", "sosa.error.changedMeanwhile", id,
                    Sentence.label("sosa.status", expected));
        }
        records.touched(id);
    }

    /** A step of the request's history, kept as a sentence (rendered in each reader's language when read). */
    private void event(long id, DicasUser actor, Status status, Sentence detail) {
        jdbc.sql("""
                        insert into sosa_request_event (request_id, actor_id, status, detail, detail_sentence)
                        values (:r, :u, :s, '', cast(:d as jsonb))""")
                .param("r", id).param("u", actor.id()).param("s", status.name())
                .param("d", SentenceJson.write(detail)).update();
    }

    /**
     * Tells these users (but the actor) what happened to request {@code id}: {@code key} names it, {@code nation} (if
     * any) is the acting nation. Nothing of the request's content is copied into the notification.
     */
    private void notifyUsers(long id, DicasUser actor, Collection<Long> userIds, String key, Sentence... nation) {
        List<Long> to = directory.usersById(new LinkedHashSet<>(userIds)).values().stream()
                .filter(u -> u.id() != actor.id() && records.readable(id, u)).map(DicasUser::id).sorted().toList();
        List<Object> args = new ArrayList<>(List.of(String.valueOf(id)));
        args.addAll(List.of(nation));
        notifications.send(to, id, link(id), key, args.toArray());
    }

    private boolean isReadableNode(long id, DicasUser user) {
        return records.readableAs(id, NODE_KIND, user)
                && jdbc.sql("select exists (select 1 from supply_node where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    static String link(long id) {
        return "/sosa/requests/" + id;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Marking marking(String banner) {
        return Marking.required(banner);
    }
}
