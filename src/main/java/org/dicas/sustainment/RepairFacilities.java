package org.dicas.sustainment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import java.util.Optional;
import java.util.Set;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.OrganizationKind;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repair facilities. Every read is filtered by the releasability policy in SQL (a hidden facility is not listed and
 * is not found). Government users create and change facilities; an industry user may register or change only the
 * PROPIN capacity data of their own company ({@link SustainmentWriteRules}). Facility and resource codes are
 * globally unique.
 */
@Service
public class RepairFacilities {

    /** The kind of the {@code record} row of a facility. */
    public static final String KIND = "REPAIR_FACILITY";

    private final SustainmentRecords s;

    RepairFacilities(SustainmentRecords s) {
        this.s = s;
    }

    private static final String SELECT = """
            select f.id, r.marking, f.code, f.name, f.nation, f.certifications, f.lat, f.lon, r.owning_company_id,
                   r.version
            from repair_facility f join record r on r.id = f.id where {readable:r}""";

    private record Row(long id, Marking marking, String code, String name, String nation, List<String> certs,
                       Double lat, Double lon, Long company, long version) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), Marking.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5).strip(), SustainmentRecords.list(rs, 6), SustainmentRecords.dbl(rs, 7),
                SustainmentRecords.dbl(rs, 8), (Long) rs.getObject(9), rs.getLong(10));
    }

    /** The facilities the user may read, by code. */
    public List<RepairFacility> list(DicasUser user) {
        return assemble(s.visible(SELECT + " order by f.code", user).query((rs, n) -> row(rs)).list());
    }

    /** What the facilities list sorts and filters by: by code unless asked otherwise; the filter looks in code and name. */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("code", "lower(f.code)", false, "f.id")
            .and("name", "lower(f.name)").and("nation", "f.nation").filterIn("f.code", "f.name");

    /** A page of the facilities the user may read, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<RepairFacility> list(DicasUser user, Paging paging, TableView view) {
        return s.readable.page(user, SELECT, COLUMNS, Map.of(), paging, view, (rs, n) -> row(rs)).map(this::assemble);
    }

    /** One facility; hidden or missing is not found. A read of a CUI facility is audited. */
    public RepairFacility get(DicasUser user, long id) {
        RepairFacility f = assemble(s.visible(SELECT + " and f.id = :id", user).param("id", id)
                .query((rs, n) -> row(rs)).optional().map(List::of)
                .orElseThrow(() -> new NotFoundException("repair facility", id))).get(0);
        s.audit.read(user, KIND, id, f.marking());
        return f;
    }

    /**
     * EVERY facility regardless of any reader, for the planning solver, which needs the whole problem. Whatever is
     * computed from it must be filtered by the policy again before it is shown to anyone.
     */
    public List<RepairFacility> allForPlanning() {
        return assemble(s.readable.everyRecord(SELECT.replace("{readable:r}", "{everyRecord:r}") + " order by f.code",
                "the planner needs the whole problem").query((rs, n) -> row(rs)).list());
    }

    @Transactional
    public RepairFacility create(DicasUser user, RepairFacilityCommand c) {
        Marking marking = SustainmentRecords.marking(c.marking());
        SustainmentWriteRules.registerFacility(user, marking, c.owningCompanyId()).orThrow();
        Optional<Long> company = owner(user, marking, c.owningCompanyId(), Optional.empty());
        Checked v = check(c, null);
        long id = s.records.register(KIND, v.code + " " + v.name, searchText(v), marking, company, user,
                i -> "/sustainment/facilities/" + i);
        s.jdbc.sql("""
                        insert into repair_facility (id, code, name, nation, certifications, lat, lon)
                        values (:id, :code, :name, :nation, cast(:certs as text[]), :lat, :lon)""")
                .param("id", id).param("code", v.code).param("name", v.name).param("nation", v.nation)
                .param("certs", SustainmentRecords.array(v.certs)).param("lat", c.lat()).param("lon", c.lon())
                .update();
        writeChildren(id, v);
        return get(user, id);
    }

    @Transactional
    public RepairFacility update(DicasUser user, long id, ExpectedVersion expected, RepairFacilityCommand c) {
        RepairFacility current = get(user, id);
        Marking marking = SustainmentRecords.marking(c.marking());
        SustainmentWriteRules.changeFacility(user, current, marking, c.owningCompanyId()).orThrow();
        Optional<Long> company = owner(user, marking, c.owningCompanyId(), Optional.ofNullable(current.owningCompanyId()));
        Checked v = check(c, id);
        s.records.update(id, expected, v.code + " " + v.name, searchText(v), marking, company, user);
        s.jdbc.sql("""
                        update repair_facility set code = :code, name = :name, nation = :nation,
                               certifications = cast(:certs as text[]), lat = :lat, lon = :lon where id = :id""")
                .param("id", id).param("code", v.code).param("name", v.name).param("nation", v.nation)
                .param("certs", SustainmentRecords.array(v.certs)).param("lat", c.lat()).param("lon", c.lon())
                .update();
        s.jdbc.sql("delete from repair_resource where facility_id = :id").param("id", id).update();
        s.jdbc.sql("delete from repair_closure where facility_id = :id").param("id", id).update();
        writeChildren(id, v);
        return get(user, id);
    }

    /** Whether a resource with this code exists on a facility the user may read; its kind if so. */
    Optional<String> visibleResourceKind(DicasUser user, String code) {
        return s.visible("""
                        select rr.kind from repair_resource rr join repair_facility f on f.id = rr.facility_id
                        join record r on r.id = f.id where rr.code = :code and {readable:r}""", user)
                .param("code", code).query(String.class).optional();
    }

    // ----------------------------------------------------------------------------------------------- checks

    private record Checked(String code, String name, String nation, List<String> certs,
                           List<RepairFacility.Resource> resources, List<RepairFacility.ClosedPeriod> closed) {
    }

    private static String searchText(Checked v) {
        return v.code + " " + v.name + " " + v.nation + " " + String.join(" ", v.certs) + " "
                + String.join(" ", v.resources.stream().map(RepairFacility.Resource::code).toList());
    }

    /**
     * The owning company to register, once {@link SustainmentWriteRules} allowed the write: an industry user's own
     * company; for government users the company named (it must be one), else the current owner of PROPIN data.
     */
    private Optional<Long> owner(DicasUser user, Marking marking, Long owningCompanyId, Optional<Long> currentOwner) {
        if (!user.government()) {
            return user.companyId();
        }
        if (owningCompanyId == null) {
            return marking.propin() ? currentOwner : Optional.empty();
        }
        Directory.Organization org = s.directory.organization(owningCompanyId)
                .orElseThrow(() -> InvalidInputException.of("owningCompanyId", "sus.error.noOrganization", owningCompanyId));
        if (org.kind() != OrganizationKind.COMPANY) {
            throw InvalidInputException.of("owningCompanyId", "sus.error.notACompany", org.name());
        }
        return Optional.of(owningCompanyId);
    }

    private Checked check(RepairFacilityCommand c, Long id) {
        String code = SustainmentRecords.code("code", c.code());
        String name = SustainmentRecords.text("name", c.name(), 200);
        String nation = s.nation("nation", c.nation());
        List<String> certs = SustainmentRecords.labels("certifications", c.certifications());
        SustainmentRecords.latLon("lat", c.lat(), "lon", c.lon());
        if (s.jdbc.sql("select exists (select 1 from repair_facility where code = :c and id <> :id)")
                .param("c", code).param("id", id == null ? -1L : id).query(Boolean.class).single()) {
            throw InvalidInputException.of("code", "sus.error.facilityCodeInUse", code);
        }
        if (c.resources().size() > 100) {
            throw InvalidInputException.of("resources", "sus.error.tooManyResources", 100);
        }
        List<RepairFacility.Resource> resources = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (RepairFacility.Resource r : c.resources()) {
            if (r == null) {
                throw InvalidInputException.of("resources", "sus.error.resourceMissing");
            }
            String rc = SustainmentRecords.code("resources", r.code());
            String kind = SustainmentRecords.kind("resources", r.kind());
            if (r.maxLengthM() != null && (r.maxLengthM().isNaN() || r.maxLengthM() <= 0 || r.maxLengthM() > 2000)) {
                throw InvalidInputException.of("resources", "sus.error.resourceLength", rc, 2000);
            }
            if (!codes.add(rc)) {
                throw InvalidInputException.of("resources", "sus.error.resourceCodeTwice", rc);
            }
            if (s.jdbc.sql("select exists (select 1 from repair_resource where code = :c and facility_id <> :id)")
                    .param("c", rc).param("id", id == null ? -1L : id).query(Boolean.class).single()) {
                throw InvalidInputException.of("resources", "sus.error.resourceCodeInUse", rc);
            }
            resources.add(new RepairFacility.Resource(rc, kind, r.maxLengthM()));
        }
        if (c.closedPeriods().size() > 100) {
            throw InvalidInputException.of("closedPeriods", "sus.error.tooManyClosedPeriods", 100);
        }
        List<RepairFacility.ClosedPeriod> closed = new ArrayList<>();
        for (RepairFacility.ClosedPeriod p : c.closedPeriods()) {
            if (p == null || p.start() == null || p.end() == null) {
                throw InvalidInputException.of("closedPeriods", "sus.error.closedPeriodDates");
            }
            if (p.end().isBefore(p.start())) {
                throw InvalidInputException.of("closedPeriods", "sus.error.closedPeriodOrder", p.end(), p.start());
            }
            if (p.start().isBefore(LocalDate.of(2000, 1, 1)) || p.end().isAfter(LocalDate.of(2100, 12, 31))) {
                throw InvalidInputException.of("closedPeriods", "sus.error.closedPeriodYears", 2000, 2100);
            }
            closed.add(p);
        }
        return new Checked(code, name, nation, certs, resources, closed);
    }

    private void writeChildren(long id, Checked v) {
        for (RepairFacility.Resource r : v.resources) {
            s.jdbc.sql("insert into repair_resource (facility_id, code, kind, max_length_m) values (:f, :c, :k, :l)")
                    .param("f", id).param("c", r.code()).param("k", r.kind()).param("l", r.maxLengthM()).update();
        }
        for (RepairFacility.ClosedPeriod p : v.closed) {
            s.jdbc.sql("insert into repair_closure (facility_id, start_date, end_date) values (:f, :s, :e)")
                    .param("f", id).param("s", p.start()).param("e", p.end()).update();
        }
    }

    private List<RepairFacility> assemble(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<RepairFacility.Resource>> resources = new LinkedHashMap<>();
        s.jdbc.sql("select facility_id, code, kind, max_length_m from repair_resource where facility_id in (:ids) "
                        + "order by facility_id, code")
                .param("ids", ids).query((rs, n) -> {
                    resources.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new RepairFacility.Resource(
                            rs.getString(2), rs.getString(3), SustainmentRecords.dbl(rs, 4)));
                    return 0;
                }).list();
        Map<Long, List<RepairFacility.ClosedPeriod>> closed = new LinkedHashMap<>();
        s.jdbc.sql("select facility_id, start_date, end_date from repair_closure where facility_id in (:ids) "
                        + "order by facility_id, start_date")
                .param("ids", ids).query((rs, n) -> {
                    closed.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new RepairFacility.ClosedPeriod(
                            rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
                    return 0;
                }).list();
        return rows.stream().map(r -> new RepairFacility(r.id, r.marking, r.code, r.name, r.nation, r.certs,
                resources.getOrDefault(r.id, List.of()), closed.getOrDefault(r.id, List.of()), r.lat, r.lon,
                r.company, r.version)).toList();
    }
}
