package org.dicas.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import java.util.Set;
import java.util.stream.Collectors;
import org.dicas.notifications.Notifications;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.ExportAuthorization;
import org.dicas.security.ExportAuthorizations;
import org.dicas.security.MarkedRecords;
import org.dicas.security.OrganizationKind;
import org.dicas.security.ReadableRecords;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.security.Role;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The foreign-disclosure workflow: request, approve (possibly narrower) or deny, with audit and notifications. */
@Service
public class ForeignDisclosure {

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReleasabilityPolicy policy;
    private final ReadableRecords readable;
    private final Directory directory;
    private final ExportAuthorizations authorizations;
    private final AuditLog audit;
    private final Notifications notifications;

    ForeignDisclosure(JdbcClient jdbc, MarkedRecords records, ReleasabilityPolicy policy, ReadableRecords readable, Directory directory,
                      ExportAuthorizations authorizations, AuditLog audit, Notifications notifications) {
        this.jdbc = jdbc;
        this.records = records;
        this.policy = policy;
        this.readable = readable;
        this.directory = directory;
        this.authorizations = authorizations;
        this.audit = audit;
        this.notifications = notifications;
    }

    private static final String SELECT = """
            select d.id, d.record_id, r.title, r.link, r.origin_nation, d.requester_id, u.display_name,
                   d.requested_nations, d.requested_companies, d.justification, d.status, d.requested_at,
                   o.display_name as decided_by, d.decided_at, d.decision_reason, d.released_nations,
                   d.released_companies, d.marking_before, d.marking_after, r.marking
            from disclosure_request d join record r on r.id = d.record_id join app_user u on u.id = d.requester_id
            left join app_user o on o.id = d.decided_by""";

    static DisclosureRequest row(ResultSet rs) throws SQLException {
        return new DisclosureRequest(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), List.of((String[]) rs.getArray(8).getArray()),
                Arrays.asList((Long[]) rs.getArray(9).getArray()), rs.getString(10),
                DisclosureRequest.Status.valueOf(rs.getString(11)), rs.getTimestamp(12).toInstant(), rs.getString(13),
                rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getString(15),
                List.of((String[]) rs.getArray(16).getArray()), Arrays.asList((Long[]) rs.getArray(17).getArray()),
                rs.getString(18), rs.getString(19), Marking.parse(rs.getString(20)));
    }

    /** The record as this user may see it; a record they may not read does not exist (404). */
    MarkedRecords.Summary readable(DicasUser user, long recordId) {
        return records.summary(recordId).filter(s -> records.readable(recordId, user))
                .orElseThrow(() -> new NotFoundException("record", recordId));
    }

    @Transactional
    public DisclosureRequest request(DicasUser user, long recordId, ReleaseRequest r) {
        MarkedRecords.Summary rec = readable(user, recordId);
        Marking m = rec.marking().marking();
        NationCode origin = rec.marking().originNation();
        if (r.nations().isEmpty() && r.companies().isEmpty()) {
            throw InvalidInputException.of("nations", "disclosure.error.nothingAsked");
        }
        if (r.justification() == null || r.justification().isBlank()) {
            throw InvalidInputException.of("justification", "disclosure.error.justificationRequired");
        }
        Set<String> nations = new LinkedHashSet<>();
        for (String n : r.nations()) {
            if (!directory.nationExists(n)) {
                throw InvalidInputException.of("nations", "disclosure.error.unknownNation", n);
            }
            NationCode code = NationCode.of(n);
            if (policy.releasableToNation(code, m, origin) && m.export().isEmpty()) {
                throw InvalidInputException.of("nations", "disclosure.error.mayAlreadyRead", Sentence.nation(n));
            }
            nations.add(n);
        }
        for (Long c : r.companies()) {
            var org = directory.organization(c);
            if (org.isEmpty() || org.get().kind() != OrganizationKind.COMPANY) {
                throw InvalidInputException.of("companies", "disclosure.error.noCompany", c);
            }
        }
        if (!r.companies().isEmpty() && m.export().isEmpty()) {
            throw InvalidInputException.of("companies", "disclosure.error.companiesNeedExport");
        }
        long id = jdbc.sql("""
                        insert into disclosure_request (record_id, requester_id, requested_nations, requested_companies,
                                                        justification, status)
                        values (:r, :u, cast(:n as text[]), cast(:c as bigint[]), :j, 'PENDING') returning id""")
                .param("r", recordId).param("u", user.id()).param("n", array(nations))
                .param("c", array(new LinkedHashSet<>(r.companies()))).param("j", r.justification().strip())
                .query(Long.class).single();
        audit.append(user, "RELEASE_REQUESTED", recordId, rec.kind(), Sentence.of("audit.detail.releaseRequested", id,
                AuditLog.nations(nations), AuditLog.items(r.companies()), r.justification().strip()));
        notifications.send(officersOf(origin), recordId, "/records/" + recordId + "/history",
                "notification.release.requested", String.valueOf(id));
        return get(user, id);
    }

    List<Long> officersOf(NationCode nation) {
        return directory.users().stream().filter(u -> u.nation().equals(nation))
                .filter(u -> u.hasRole(Role.DISCLOSURE_OFFICER)).map(DicasUser::id).toList();
    }

    public DisclosureRequest get(DicasUser user, long id) {
        DisclosureRequest d = readable.query(user, SELECT + " where {readableInContainer:r} and d.id = :id").param("id", id).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("disclosure request", id));
        readable(user, d.recordId());
        return d;
    }

    /** Requests about one record (the record must be readable). */
    public List<DisclosureRequest> ofRecord(DicasUser user, long recordId) {
        readable(user, recordId);
        return readable.query(user, SELECT + " where {readableInContainer:r} and d.record_id = :r order by d.id desc").param("r", recordId)
                .query((rs, n) -> row(rs)).list();
    }

    /**
     * What the list of requests I made sorts and filters by: newest first unless asked otherwise, ties by id; the
     * filter looks in the record's title and the justification.
     */
    public static final ListColumns MINE = ListColumns.orderedBy("requested", "d.requested_at", true, "d.id")
            .and("record", "lower(r.title)").and("state", "d.status").filterIn("r.title", "d.justification");

    /**
     * What the list of requests awaiting my decision sorts and filters by: oldest first (first come, first decided)
     * unless asked otherwise, ties by id; the filter looks in the record's title, the requester and the justification.
     */
    public static final ListColumns AWAITING = ListColumns.orderedBy("requested", "d.requested_at", false, "d.id")
            .and("record", "lower(r.title)").and("requester", "lower(u.display_name)")
            .filterIn("r.title", "u.display_name", "d.justification");

    /**
     * A page of the pending requests an officer may decide (records of their nation that they can read), sorted and
     * filtered as the view asks ({@link #AWAITING}); none for anyone else. Requests on records the officer may not
     * read are neither listed nor counted.
     */
    public Page<DisclosureRequest> awaitingDecision(DicasUser officer, Paging paging, TableView view) {
        AWAITING.order(view); // an unknown sort key is refused whoever asks
        if (!officer.hasRole(Role.DISCLOSURE_OFFICER)) {
            return new Page<>(List.of(), paging, 0);
        }
        return readable.page(officer, SELECT + " where {readableInContainer:r} and d.status = 'PENDING'"
                + " and r.origin_nation = :n", AWAITING, Map.of("n", officer.nation().code()), paging, view,
                (rs, n) -> row(rs));
    }

    /**
     * A page of the requests the user made, on records they can still read, of one status when asked, sorted and
     * filtered as the view asks ({@link #MINE}).
     */
    public Page<DisclosureRequest> madeBy(DicasUser user, Optional<DisclosureRequest.Status> status, Paging paging,
                                          TableView view) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("u", user.id());
        status.ifPresent(s -> params.put("status", s.name()));
        return readable.page(user, SELECT + " where {readableInContainer:r} and d.requester_id = :u"
                + status.map(s -> " and d.status = :status").orElse(""), MINE, params, paging, view,
                (rs, n) -> row(rs));
    }

    private MarkedRecords.Summary decidable(DicasUser officer, DisclosureRequest d) {
        MarkedRecords.Summary rec = readable(officer, d.recordId());
        DisclosureWriteRules.decideRelease(officer, rec.marking().originNation()).orThrow();
        if (d.status() != DisclosureRequest.Status.PENDING) {
            throw InvalidInputException.of("status", "disclosure.error.alreadyDecided", d.id(),
                    Sentence.label("disclosure.outcome", d.outcome()));
        }
        return rec;
    }

    @Transactional
    public DisclosureRequest approve(DicasUser officer, long id, ReleaseDecision decision) {
        DisclosureRequest d = get(officer, id);
        MarkedRecords.Summary rec = decidable(officer, d);
        List<String> nations = decision.nations() == null ? d.requestedNations() : decision.nations();
        List<Long> companies = decision.companies() == null ? d.requestedCompanies() : decision.companies();
        if (!d.requestedNations().containsAll(nations)) {
            throw InvalidInputException.of("nations", "disclosure.error.nationsNotAsked");
        }
        if (!d.requestedCompanies().containsAll(companies)) {
            throw InvalidInputException.of("companies", "disclosure.error.companiesNotAsked");
        }
        if (nations.isEmpty() && companies.isEmpty()) {
            throw InvalidInputException.of("nations", "disclosure.error.approveNothing");
        }
        Marking before = rec.marking().marking();
        NationCode origin = rec.marking().originNation();
        List<NationCode> released = nations.stream().map(NationCode::of).toList();
        Marking after = before.releasedTo(origin, released);
        if (!after.equals(before)) {
            records.changeMarking(d.recordId(), after, officer, Sentence.of("audit.detail.releaseRequest", id));
        }
        Long authorizationId = null;
        if (before.export().isPresent()) {
            LocalDate today = policy.today();
            LocalDate validTo = decision.validTo() != null ? decision.validTo() : today.plusYears(1);
            if (validTo.isBefore(today)) {
                throw InvalidInputException.of("validTo", "disclosure.error.validToPast", validTo);
            }
            Set<String> covered = new LinkedHashSet<>(nations);
            for (Long c : companies) {
                directory.organization(c).ifPresent(o -> covered.add(o.nation()));
            }
            ExportAuthorization a = authorizations.issue(officer, new ExportAuthorizations.Command("FD-" + id,
                    ExportAuthorization.Kind.AGREEMENT, before.export().get().regime(), new ArrayList<>(covered),
                    companies, today, validTo, ""), Sentence.of("authorization.note.disclosureDecision", String.valueOf(id)));
            authorizations.attach(officer, a.id(), d.recordId());
            authorizationId = a.id();
        }
        jdbc.sql("""
                        update disclosure_request set status = 'APPROVED', decided_by = :o, decided_at = now(),
                               decision_reason = :reason, released_nations = cast(:n as text[]),
                               released_companies = cast(:c as bigint[]), marking_before = :before,
                               marking_after = :after, authorization_id = :a
                        where id = :id""")
                .param("o", officer.id()).param("reason", decision.reason()).param("n", array(nations))
                .param("c", array(companies)).param("before", before.banner()).param("after", after.banner())
                .param("a", authorizationId).param("id", id).update();
        audit.append(officer, "RELEASE_APPROVED", d.recordId(), rec.kind(), decision.reason().isBlank()
                ? Sentence.of("audit.detail.releaseApproved", id, AuditLog.nations(nations), AuditLog.items(companies),
                        before.banner(), after.banner())
                : Sentence.of("audit.detail.releaseApprovedBecause", id, AuditLog.nations(nations), AuditLog.items(companies),
                        before.banner(), after.banner(), decision.reason()));
        DisclosureRequest decided = get(officer, id);
        notifyDecision(d, rec, decided.outcome() == DisclosureRequest.Outcome.APPROVED_IN_PART
                ? "notification.release.approvedInPart" : "notification.release.approved");
        return decided;
    }

    @Transactional
    public DisclosureRequest deny(DicasUser officer, long id, ReleaseDecision decision) {
        DisclosureRequest d = get(officer, id);
        MarkedRecords.Summary rec = decidable(officer, d);
        if (decision.reason().isBlank()) {
            throw InvalidInputException.of("reason", "disclosure.error.denialNeedsReason");
        }
        jdbc.sql("""
                        update disclosure_request set status = 'DENIED', decided_by = :o, decided_at = now(),
                               decision_reason = :reason where id = :id""")
                .param("o", officer.id()).param("reason", decision.reason()).param("id", id).update();
        audit.append(officer, "RELEASE_DENIED", d.recordId(), rec.kind(),
                Sentence.of("audit.detail.releaseDenied", id, decision.reason()));
        notifyDecision(d, rec, "notification.release.denied");
        return get(officer, id);
    }

    /** Requester and record owner hear of the decision; {@code outcomeKey} names it. */
    private void notifyDecision(DisclosureRequest d, MarkedRecords.Summary rec, String outcomeKey) {
        List<Long> to = new ArrayList<>();
        to.add(d.requesterId());
        if (rec.createdBy() != null) {
            to.add(rec.createdBy());
        }
        notifications.send(to, d.recordId(), "/records/" + d.recordId() + "/history", outcomeKey,
                String.valueOf(d.id()));
    }

    static String array(java.util.Collection<?> values) {
        return "{" + values.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}";
    }
}
