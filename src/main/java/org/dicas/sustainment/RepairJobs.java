package org.dicas.sustainment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.Map;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Page;
import org.dicas.shared.TableView;
import org.dicas.shared.Paging;
import org.dicas.shared.Sentence;

/**
 * Repair jobs. Reads are filtered by the releasability policy in SQL (hidden is not found); government users create,
 * change, pin and unpin jobs ({@link SustainmentWriteRules}, checked before the job is looked up).
 * {@code foreign_repair_allowed} is <b>derived</b> by the {@link ForeignRepairRule} for ship work (any job needing a
 * dry dock or pier) — an explicit value that contradicts the rule is refused, naming {@code foreignRepairAllowed}.
 * For aircraft work (hangars only) an explicit value is taken as the decision of the responsible authority; without
 * one, the rule's answer is stored.
 */
@Service
public class RepairJobs {

    /** The kind of the {@code record} row of a job. */
    public static final String KIND = "REPAIR_JOB";

    private final SustainmentRecords s;
    private final RepairFacilities facilities;

    RepairJobs(SustainmentRecords s, RepairFacilities facilities) {
        this.s = s;
        this.facilities = facilities;
    }

    private static final String SELECT = """
            select j.id, r.marking, j.code, j.asset, j.flag_nation, j.resource_kinds, j.length_m, j.duration_days,
                   j.earliest_start, j.due_date, j.priority, j.requires, j.forward_deployed, j.voyage_repair,
                   j.due_home, j.foreign_repair_allowed, j.home_lat, j.home_lon, j.pinned_resource, j.pinned_start,
                   r.version
            from repair_job j join record r on r.id = j.id where {readable:r}""";

    private static RepairJob row(ResultSet rs) throws SQLException {
        return new RepairJob(rs.getLong(1), Marking.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5).strip(), SustainmentRecords.list(rs, 6), SustainmentRecords.dbl(rs, 7), rs.getInt(8),
                rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getInt(11),
                SustainmentRecords.list(rs, 12), rs.getBoolean(13), rs.getBoolean(14),
                rs.getObject(15, LocalDate.class), rs.getBoolean(16), SustainmentRecords.dbl(rs, 17),
                SustainmentRecords.dbl(rs, 18), rs.getString(19), rs.getObject(20, LocalDate.class),
                rs.getLong(21));
    }

    /** The jobs the user may read, most urgent first (priority 1 first, then due date). */
    public List<RepairJob> list(DicasUser user) {
        return s.visible(SELECT + " order by j.priority, j.due_date, j.code", user).query((rs, n) -> row(rs)).list();
    }

    /** A page of the jobs the user may read, most urgent first (priority 1 first, then due date, code and id). */
    public Page<RepairJob> list(DicasUser user, Paging paging) {
        return s.readable.page(user, SELECT, "j.priority, j.due_date, j.code, j.id", Map.of(), paging,
                (rs, n) -> row(rs));
    }

    /**
     * What the jobs list sorts and filters by: most urgent first (priority 1 first) unless asked otherwise; the
     * filter looks in the code and the asset.
     */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("priority", "j.priority", false, "j.id")
            .and("code", "lower(j.code)").and("asset", "lower(j.asset)").and("flag", "j.flag_nation")
            .and("due", "j.due_date").and("duration", "j.duration_days").filterIn("j.code", "j.asset");

    /** A page of the jobs the user may read, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<RepairJob> list(DicasUser user, Paging paging, TableView view) {
        return s.readable.page(user, SELECT, COLUMNS, Map.of(), paging, view, (rs, n) -> row(rs));
    }

    /** How many of the jobs the user may read are pinned to a resource. */
    public long pinned(DicasUser user) {
        return s.visible("select count(*) from repair_job j join record r on r.id = j.id where {readable:r}"
                + " and j.pinned_resource is not null", user).query(Long.class).single();
    }

    /** One job; hidden or missing is not found. A read of a CUI job is audited. */
    public RepairJob get(DicasUser user, long id) {
        RepairJob j = find(user, id);
        s.audit.read(user, KIND, id, j.marking());
        return j;
    }

    private RepairJob find(DicasUser user, long id) {
        return s.visible(SELECT + " and j.id = :id", user).param("id", id).query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("repair job", id));
    }

    /**
     * EVERY job regardless of any reader, for the planning solver, which needs the whole problem. Whatever is
     * computed from it must be filtered by the policy again before it is shown to anyone.
     */
    public List<RepairJob> allForPlanning() {
        return s.readable.everyRecord(SELECT.replace("{readable:r}", "{everyRecord:r}")
                        + " order by j.priority, j.due_date, j.code", "the planner needs the whole problem")
                .query((rs, n) -> row(rs)).list();
    }

    @Transactional
    public RepairJob create(DicasUser user, RepairJobCommand c) {
        SustainmentWriteRules.createJob(user).orThrow();
        Marking marking = SustainmentRecords.marking(c.marking());
        Checked v = check(c, null);
        long id = s.records.register(KIND, v.code + " " + v.asset, v.code + " " + v.asset + " " + v.flag, marking,
                Optional.empty(), user, i -> "/sustainment/jobs/" + i);
        s.jdbc.sql("""
                        insert into repair_job (id, code, asset, flag_nation, resource_kinds, length_m, duration_days,
                            earliest_start, due_date, priority, requires, forward_deployed, voyage_repair, due_home,
                            foreign_repair_allowed, home_lat, home_lon)
                        values (:id, :code, :asset, :flag, cast(:kinds as text[]), :len, :dur, :es, :due, :prio,
                            cast(:req as text[]), :fd, :vr, :home, :fra, :hlat, :hlon)""")
                .param("id", id).params(v.params(c)).update();
        return get(user, id);
    }

    @Transactional
    public RepairJob update(DicasUser user, long id, ExpectedVersion expected, RepairJobCommand c) {
        SustainmentWriteRules.changeJob(user).orThrow();
        find(user, id);
        Marking marking = SustainmentRecords.marking(c.marking());
        Checked v = check(c, id);
        s.records.update(id, expected, v.code + " " + v.asset, v.code + " " + v.asset + " " + v.flag, marking, Optional.empty(), user);
        s.jdbc.sql("""
                        update repair_job set code = :code, asset = :asset, flag_nation = :flag,
                            resource_kinds = cast(:kinds as text[]), length_m = :len, duration_days = :dur,
                            earliest_start = :es, due_date = :due, priority = :prio, requires = cast(:req as text[]),
                            forward_deployed = :fd, voyage_repair = :vr, due_home = :home,
                            foreign_repair_allowed = :fra, home_lat = :hlat, home_lon = :hlon
                        where id = :id""")
                .param("id", id).params(v.params(c)).update();
        return get(user, id);
    }

    /** Fixes the job to a resource (of a facility the user may read, of a kind the job needs) and a start day. */
    @Transactional
    public RepairJob pin(DicasUser user, long id, String resourceCode, LocalDate start) {
        SustainmentWriteRules.pinJob(user).orThrow();
        RepairJob j = find(user, id);
        if (resourceCode == null || resourceCode.isBlank()) {
            throw InvalidInputException.of("resource", "sus.error.chooseResource");
        }
        String code = resourceCode.strip();
        String kind = facilities.visibleResourceKind(user, code)
                .orElseThrow(() -> InvalidInputException.of("resource", "sus.error.noResource", code));
        if (!j.resourceKinds().contains(kind)) {
            throw InvalidInputException.of("resource", "sus.error.wrongKind", code, ResourceKinds.label(kind),
                    ResourceKinds.labels(j.resourceKinds()));
        }
        if (start == null) {
            throw InvalidInputException.of("start", "sus.error.startRequired");
        }
        if (start.isBefore(LocalDate.of(2000, 1, 1)) || start.isAfter(LocalDate.of(2100, 12, 31))) {
            throw InvalidInputException.of("start", "sus.error.startYears", 2000, 2100);
        }
        s.jdbc.sql("update repair_job set pinned_resource = :r, pinned_start = :s where id = :id")
                .param("r", code).param("s", start).param("id", id).update();
        s.records.touched(id);
        s.audit.append(user, "REPAIR_JOB_PINNED", id, KIND, Sentence.of("audit.detail.pinned", code, start));
        return get(user, id);
    }

    @Transactional
    public RepairJob unpin(DicasUser user, long id, ExpectedVersion expected) {
        SustainmentWriteRules.pinJob(user).orThrow();
        find(user, id);
        s.records.changed(id, expected);
        s.jdbc.sql("update repair_job set pinned_resource = null, pinned_start = null where id = :id").param("id", id)
                .update();
        s.audit.append(user, "REPAIR_JOB_UNPINNED", id, KIND);
        return get(user, id);
    }

    // ----------------------------------------------------------------------------------------------- checks

    private record Checked(String code, String asset, String flag, List<String> kinds, List<String> requires,
                           int duration, int priority, boolean foreignRepairAllowed) {
        java.util.Map<String, Object> params(RepairJobCommand c) {
            java.util.Map<String, Object> p = new java.util.HashMap<>();
            p.put("code", code);
            p.put("asset", asset);
            p.put("flag", flag);
            p.put("kinds", SustainmentRecords.array(kinds));
            p.put("len", c.lengthM());
            p.put("dur", duration);
            p.put("es", c.earliestStart());
            p.put("due", c.dueDate());
            p.put("prio", priority);
            p.put("req", SustainmentRecords.array(requires));
            p.put("fd", Boolean.TRUE.equals(c.forwardDeployed()));
            p.put("vr", Boolean.TRUE.equals(c.voyageRepair()));
            p.put("home", c.dueHome());
            p.put("fra", foreignRepairAllowed);
            p.put("hlat", c.homeLat());
            p.put("hlon", c.homeLon());
            return p;
        }
    }

    private Checked check(RepairJobCommand c, Long id) {
        String code = SustainmentRecords.code("code", c.code());
        String asset = SustainmentRecords.text("asset", c.asset(), 200);
        String flag = s.nation("flagNation", c.flagNation());
        if (c.resourceKinds().isEmpty()) {
            throw InvalidInputException.of("resourceKinds", "sus.error.noKind", ResourceKinds.ALL);
        }
        List<String> kinds = new ArrayList<>();
        for (String k : c.resourceKinds()) {
            String kind = SustainmentRecords.kind("resourceKinds", k);
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        if (c.lengthM() != null && (c.lengthM().isNaN() || c.lengthM() <= 0 || c.lengthM() > 2000)) {
            throw InvalidInputException.of("lengthM", "sus.error.length", 2000);
        }
        if (c.durationDays() == null || c.durationDays() <= 0 || c.durationDays() > 3650) {
            throw InvalidInputException.of("durationDays", "sus.error.duration", 1, 3650);
        }
        if (c.earliestStart() == null) {
            throw InvalidInputException.of("earliestStart", "sus.error.required");
        }
        if (c.dueDate() == null) {
            throw InvalidInputException.of("dueDate", "sus.error.required");
        }
        if (c.earliestStart().isBefore(LocalDate.of(2000, 1, 1)) || c.dueDate().isAfter(LocalDate.of(2100, 12, 31))) {
            throw InvalidInputException.of("earliestStart", "sus.error.dateYears", 2000, 2100);
        }
        if (c.dueDate().isBefore(c.earliestStart())) {
            throw InvalidInputException.of("dueDate", "sus.error.dueBeforeStart", c.dueDate(), c.earliestStart());
        }
        if (c.priority() == null || c.priority() < 1 || c.priority() > 10) {
            throw InvalidInputException.of("priority", "sus.error.priority", 1, 10);
        }
        List<String> requires = SustainmentRecords.labels("requires", c.requires());
        SustainmentRecords.latLon("homeLat", c.homeLat(), "homeLon", c.homeLon());
        if (s.jdbc.sql("select exists (select 1 from repair_job where code = :c and id <> :id)")
                .param("c", code).param("id", id == null ? -1L : id).query(Boolean.class).single()) {
            throw InvalidInputException.of("code", "sus.error.jobCodeInUse", code);
        }
        ForeignRepairRule.AssetType type = ForeignRepairRule.AssetType.ofResourceKinds(kinds);
        ForeignRepairRule.Decision d = ForeignRepairRule.decide(new ForeignRepairRule.Input(flag,
                ForeignRepairRule.FOREIGN, type, Boolean.TRUE.equals(c.forwardDeployed()), c.durationDays(),
                c.dueHome(), c.earliestStart(), null, Boolean.TRUE.equals(c.voyageRepair())));
        boolean allowed = d.allowed();
        if (c.foreignRepairAllowed() != null) {
            if (type == ForeignRepairRule.AssetType.SHIP && c.foreignRepairAllowed() != d.allowed()) {
                throw InvalidInputException.of("foreignRepairAllowed", "sus.error.foreignRepairDerived", d.summary());
            }
            allowed = c.foreignRepairAllowed();
        }
        return new Checked(code, asset, flag, kinds, requires, c.durationDays(), c.priority(), allowed);
    }
}
