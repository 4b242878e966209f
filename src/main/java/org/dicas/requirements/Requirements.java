package org.dicas.requirements;

import org.dicas.shared.Sentence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dicas.shared.ExpectedVersion;
import org.dicas.notifications.Notifications;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.security.RecordMarking;
import org.dicas.security.ReadableRecords;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.dicas.shared.ListColumns;

/**
 * The requirements registry. Every read joins the {@code record} row and applies the releasability policy in SQL
 * (a hidden requirement is not listed and is not found). Government users write requirements (of their own nation
 * by default); industry users read ({@link RequirementWriteRules}). A requirement is registered as a
 * {@code REQUIREMENT} record whose search text holds both languages' title and description; creation and changes are
 * audited (the record's history).
 */
@Service
public class Requirements {

    /** The kind of the {@code record} row of a requirement. */
    public static final String KIND = "REQUIREMENT";
    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 8000;
    public static final int MAX_SERVICE = 100;
    public static final int MAX_QUANTITY = 1_000_000_000;
    /** Services offered as suggestions on the forms (free text is accepted). */
    public static final List<String> SERVICE_SUGGESTIONS = List.of("USN", "USAF", "US Army", "USMC", "USSF", "MDA",
            "DLA", "JMSDF", "JASDF", "JGSDF", "ATLA", "RAAF", "RAN", "Australian Army", "RAF", "Royal Navy",
            "British Army");

    /** One problem with a requirement's input: the field and what is wrong. */
    public record FieldProblem(String field, Sentence problem) {
        /** In English, for logs. */
        public String message() {
            return problem.english();
        }
    }

    /** The list filters; blank values do not filter. {@code area} keeps the area and its sub-areas. */
    public record Filter(String nation, String area, String status, String text) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReleasabilityPolicy policy;
    private final ReadableRecords readable;
    private final AuditLog audit;
    private final Directory directory;
    private final CapabilityAreas areas;
    private final Notifications notifications;

    Requirements(JdbcClient jdbc, MarkedRecords records, ReleasabilityPolicy policy, ReadableRecords readable, AuditLog audit,
                 Directory directory, CapabilityAreas areas, Notifications notifications) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.records = records;
        this.policy = policy;
        this.readable = readable;
        this.audit = audit;
        this.directory = directory;
        this.areas = areas;
    }

    static final String SELECT = """
            select q.id, q.nation, q.service, q.capability_area, q.title_en, q.title_ja, q.description_en,
                   q.description_ja, q.quantity, q.need_by, q.status, r.marking, q.author_id, u.display_name,
                   q.created_at, q.updated_at, r.version
            from requirement q join record r on r.id = q.id join app_user u on u.id = q.author_id
            where {readable:r}""";

    static Requirement row(ResultSet rs) throws SQLException {
        return new Requirement(rs.getLong(1), rs.getString(2).strip(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9),
                rs.getObject(10, LocalDate.class), RequirementStatus.valueOf(rs.getString(11)),
                Marking.parse(rs.getString(12)), rs.getLong(13), rs.getString(14), rs.getTimestamp(15).toInstant(),
                rs.getTimestamp(16).toInstant(), rs.getLong(17));
    }

    private JdbcClient.StatementSpec visible(String sql, DicasUser user, Map<String, Object> params) {
        return readable.query(user, sql).params(params);
    }

    // ----------------------------------------------------------------------------------------------- reads

    /** Every requirement the user may read, by id (for the opportunity finder and lead matching). */
    public List<Requirement> readable(DicasUser user) {
        return visible(SELECT + " order by q.id", user, Map.of()).query((rs, n) -> row(rs)).list();
    }

    /**
     * The requirements with these ids, whoever may read them: only for training the finder's model on officials'
     * judgments (no person reads them; {@link FinderModels}). Missing ids are left out.
     */
    List<Requirement> forTraining(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT.replace("{readable:r}", "q.id in (:ids)") + " order by q.id").param("ids", ids)
                .query((rs, n) -> row(rs)).list();
    }

    /** One requirement if the user may read it (not audited: for services that build on requirements). */
    public Optional<Requirement> find(long id, DicasUser user) {
        return visible(SELECT + " and q.id = :id", user, Map.of("id", id)).query((rs, n) -> row(rs)).optional();
    }

    /** One requirement for display; hidden or missing is not found. A read of a CUI requirement is audited. */
    public Requirement get(DicasUser user, long id) {
        Requirement r = find(id, user).orElseThrow(() -> new NotFoundException("requirement", id));
        audit.read(user, KIND, id, r.marking());
        return r;
    }

    /** A page of the requirements the user may read that pass the filter, earliest need first (then by id). */
    public Page<Requirement> list(DicasUser user, Filter filter, Paging paging) {
        return list(user, filter, paging, TableView.NONE);
    }

    /**
     * What the requirements list sorts by: earliest need first unless asked otherwise (its text filter is the
     * {@link Filter}'s own, which also reads the descriptions).
     */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("needBy", "q.need_by", false, "q.id")
            .and("nation", "q.nation").and("title", "lower(coalesce(nullif(q.title_en, ''), q.title_ja))")
            .and("service", "lower(q.service)").and("area", "q.capability_area").and("quantity", "q.quantity")
            .and("status", "q.status");

    /** The same, sorted as the view asks ({@link #COLUMNS}). */
    public Page<Requirement> list(DicasUser user, Filter filter, Paging paging, TableView view) {
        Filter f = filter == null ? Filter.NONE : filter;
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> p = new HashMap<>();
        if (!blank(f.nation())) {
            String n = f.nation().strip().toUpperCase(Locale.ROOT);
            if (!NationCode.isValid(n) || !directory.nationExists(n)) {
                throw InvalidInputException.of("nation", "requirement.error.unknownNation", f.nation().strip());
            }
            sql.append(" and q.nation = :nation");
            p.put("nation", n);
        }
        if (!blank(f.area())) {
            CapabilityArea a = areas.find(f.area()).orElseThrow(() -> InvalidInputException.of("area",
                    "requirement.error.unknownArea", f.area().strip()));
            sql.append(" and (q.capability_area = :area or q.capability_area like :areaPrefix)");
            p.put("area", a.code());
            p.put("areaPrefix", a.code() + ".%");
        }
        if (!blank(f.status())) {
            RequirementStatus s = RequirementStatus.parse(f.status());
            sql.append(" and q.status = :status");
            p.put("status", s.name());
        }
        if (!blank(f.text())) {
            String text = f.text().strip();
            if (text.length() > 200) {
                throw InvalidInputException.of("text", "requirement.error.tooLong", 200);
            }
            sql.append(" and (q.title_en ilike :text or q.title_ja ilike :text or q.description_en ilike :text"
                    + " or q.description_ja ilike :text or q.service ilike :text)");
            p.put("text", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return readable.page(user, sql.toString(), COLUMNS, p, paging, view, (rs, n) -> row(rs));
    }

    /** Service names to suggest: the usual ones and those already used in readable requirements. */
    public List<String> serviceSuggestions(DicasUser user) {
        Set<String> all = new LinkedHashSet<>(SERVICE_SUGGESTIONS);
        visible("select distinct q.service from requirement q join record r on r.id = q.id where {readable:r}"
                + " order by 1", user, Map.of()).query(String.class).list().forEach(all::add);
        return List.copyOf(all);
    }

    // ----------------------------------------------------------------------------------------------- writes

    @Transactional
    public Requirement create(DicasUser user, RequirementCommand c) {
        RequirementWriteRules.createRequirement(user).orThrow();
        Checked v = checkOrThrow(user, c);
        return get(user, insert(user, v));
    }

    /**
     * Creates many requirements in one transaction (the caller's): the import. Every command must have passed
     * {@link #check(DicasUser, RequirementCommand)}; returns the new ids in order.
     */
    @Transactional
    public List<Long> createAll(DicasUser user, List<RequirementCommand> commands) {
        RequirementWriteRules.importRequirements(user).orThrow();
        List<Long> ids = new ArrayList<>();
        for (RequirementCommand c : commands) {
            ids.add(insert(user, checkOrThrow(user, c)));
        }
        return ids;
    }

    @Transactional
    public Requirement update(DicasUser user, long id, ExpectedVersion expected, RequirementCommand c) {
        Requirement current = get(user, id);
        RequirementWriteRules.editRequirement(user, current).orThrow();
        Checked v = checkOrThrow(user, c);
        records.update(id, expected, v.title(), v.searchText(), v.marking, Optional.empty(), user);
        jdbc.sql("""
                        update requirement set nation = :nation, service = :service, capability_area = :area,
                               title_en = :titleEn, title_ja = :titleJa, description_en = :descEn,
                               description_ja = :descJa, quantity = :quantity, need_by = :needBy, status = :status,
                               updated_at = now()
                        where id = :id""")
                .params(v.params()).param("id", id).update();
        if (current.status() != v.status) {
            audit.append(user, "REQUIREMENT_STATUS", id, KIND, Sentence.of("audit.detail.fromTo",
                    Sentence.label("requirement.status", current.status()), Sentence.label("requirement.status", v.status)));
            // a decision on the requirement (validated, funded, met, withdrawn) by someone else: its author is told,
            // if they may still read it as saved (the policy decides in send)
            if (current.authorId() != user.id()) {
                notifications.send(List.of(current.authorId()), id, link(id), "notification.requirement.status",
                        Sentence.label("requirement.status", v.status), user.displayName());
            }
        }
        return find(id, user).orElseThrow(() -> new NotFoundException("requirement", id));
    }

    private long insert(DicasUser user, Checked v) {
        long id = records.register(KIND, v.title(), v.searchText(), v.marking, Optional.empty(), user,
                Requirements::link);
        Map<String, Object> p = new HashMap<>(v.params());
        p.put("id", id);
        p.put("author", user.id());
        jdbc.sql("""
                        insert into requirement (id, nation, service, capability_area, title_en, title_ja,
                                                 description_en, description_ja, quantity, need_by, status, author_id)
                        values (:id, :nation, :service, :area, :titleEn, :titleJa, :descEn, :descJa, :quantity,
                                :needBy, :status, :author)""")
                .params(p).update();
        return id;
    }

    /** The page of a requirement. */
    public static String link(long id) {
        return "/requirements/" + id;
    }

    // ----------------------------------------------------------------------------------------------- checks

    private record Checked(String nation, String service, String area, String titleEn, String titleJa,
                           String descEn, String descJa, Integer quantity, LocalDate needBy, RequirementStatus status,
                           Marking marking) {
        String title() {
            return titleEn.isEmpty() ? titleJa : titleJa.isEmpty() ? titleEn : titleEn + " / " + titleJa;
        }

        String searchText() {
            return String.join("\n", titleEn, titleJa, descEn, descJa, service, area).strip();
        }

        Map<String, Object> params() {
            Map<String, Object> p = new HashMap<>();
            p.put("nation", nation);
            p.put("service", service);
            p.put("area", area);
            p.put("titleEn", titleEn);
            p.put("titleJa", titleJa);
            p.put("descEn", descEn);
            p.put("descJa", descJa);
            p.put("quantity", quantity);
            p.put("needBy", needBy);
            p.put("status", status.name());
            return p;
        }
    }

    private Checked checkOrThrow(DicasUser user, RequirementCommand c) {
        List<FieldProblem> problems = check(user, c);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).field(), problems.get(0).problem());
        }
        return checked(user, c);
    }

    /**
     * Every problem with a command for this author, in field order (empty when it may be saved). The import uses it
     * to list all errors of a line.
     */
    public List<FieldProblem> check(DicasUser user, RequirementCommand c) {
        List<FieldProblem> out = new ArrayList<>();
        if (c == null) {
            return List.of(new FieldProblem("requirement", Sentence.of("requirement.error.missing")));
        }
        String nation = blank(c.nation()) ? user.nation().code() : c.nation().strip().toUpperCase(Locale.ROOT);
        if (!NationCode.isValid(nation) || !directory.nationExists(nation)) {
            out.add(new FieldProblem("nation", Sentence.of("requirement.error.unknownNation", c.nation().strip())));
        }
        if (blank(c.service())) {
            out.add(new FieldProblem("service", Sentence.of("requirement.error.serviceRequired")));
        } else if (c.service().strip().length() > MAX_SERVICE) {
            out.add(new FieldProblem("service", Sentence.of("requirement.error.tooLong", MAX_SERVICE)));
        }
        if (blank(c.capabilityArea())) {
            out.add(new FieldProblem("capabilityArea", Sentence.of("requirement.error.areaRequired")));
        } else if (!areas.exists(c.capabilityArea())) {
            out.add(new FieldProblem("capabilityArea", Sentence.of("requirement.error.unknownArea",
                    c.capabilityArea().strip())));
        }
        if (blank(c.titleEn()) && blank(c.titleJa())) {
            out.add(new FieldProblem("titleEn", Sentence.of("requirement.error.titleRequired")));
        }
        length(out, "titleEn", c.titleEn(), MAX_TITLE);
        length(out, "titleJa", c.titleJa(), MAX_TITLE);
        length(out, "descriptionEn", c.descriptionEn(), MAX_DESCRIPTION);
        length(out, "descriptionJa", c.descriptionJa(), MAX_DESCRIPTION);
        if (c.quantity() != null && (c.quantity() <= 0 || c.quantity() > MAX_QUANTITY)) {
            out.add(new FieldProblem("quantity", Sentence.of("requirement.error.quantity", MAX_QUANTITY)));
        }
        if (c.needBy() == null) {
            out.add(new FieldProblem("needBy", Sentence.of("requirement.error.needByRequired")));
        } else if (c.needBy().getYear() < 1990 || c.needBy().getYear() > 2100) {
            out.add(new FieldProblem("needBy", Sentence.of("requirement.error.needByRange", c.needBy().toString())));
        }
        try {
            RequirementStatus.parse(c.status());
        } catch (InvalidInputException e) {
            out.add(new FieldProblem("status", sentenceOf(e)));
        }
        if (blank(c.marking())) {
            out.add(new FieldProblem("marking", Sentence.of("requirement.error.markingRequired")));
        } else {
            try {
                Marking m = Marking.parse(c.marking().strip());
                if (m.propin()) {
                    out.add(new FieldProblem("marking", Sentence.of("requirement.error.propin")));
                } else if (!policy.mayRead(user, new RecordMarking(m, user.nation(), Optional.empty()))) {
                    out.add(new FieldProblem("marking", Sentence.of("requirement.error.notCleared", m.banner())));
                }
            } catch (InvalidMarkingException e) {
                out.add(new FieldProblem("marking", sentenceOf(e)));
            }
        }
        return out;
    }

    private Checked checked(DicasUser user, RequirementCommand c) {
        String nation = blank(c.nation()) ? user.nation().code() : c.nation().strip().toUpperCase(Locale.ROOT);
        RequirementStatus status = RequirementStatus.parse(c.status());
        return new Checked(nation, c.service().strip(), areas.find(c.capabilityArea()).orElseThrow().code(),
                strip(c.titleEn()), strip(c.titleJa()), strip(c.descriptionEn()), strip(c.descriptionJa()),
                c.quantity(), c.needBy(), status == null ? RequirementStatus.DRAFT : status,
                Marking.parse(c.marking().strip()));
    }

    /** What a refusal says, as a sentence (text of a refusal not yet written as one is shown as it is). */
    static Sentence sentenceOf(RuntimeException e) {
        Sentence s = e instanceof InvalidInputException ii ? ii.sentence()
                : e instanceof InvalidMarkingException im ? im.sentence() : null;
        return s != null ? s : Sentence.of("requirement.error.asWritten", e.getMessage());
    }

    private static void length(List<FieldProblem> out, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            out.add(new FieldProblem(field, Sentence.of("requirement.error.tooLong", max)));
        }
        if (value != null && value.indexOf('\0') >= 0) {
            out.add(new FieldProblem(field, Sentence.of("requirement.error.nul")));
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
