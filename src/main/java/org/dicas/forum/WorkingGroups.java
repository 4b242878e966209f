package org.dicas.forum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.RecordMarking;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.springframework.jdbc.core.RowMapper;
import org.dicas.shared.Sentence;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working groups: read through the policy; created and changed by the secretariat ({@link ForumWriteRules}). Members
 * are people who may read the working group.
 */
@Service
public class WorkingGroups {

    private final ForumRecords f;
    private final Directory directory;

    WorkingGroups(ForumRecords f, Directory directory) {
        this.f = f;
        this.directory = directory;
    }

    private static final String SELECT = """
            select w.id, r.marking, w.code, w.name_en, w.name_ja, w.mandate_en, w.mandate_ja, w.status, w.group_code,
                   r.version
            from working_group w join record r on r.id = w.id
            where r.kind = 'WORKING_GROUP' and {readable:r}""";

    private record Row(long id, String marking, String code, String nameEn, String nameJa, String mandateEn,
                       String mandateJa, String status, String groupCode, long version) {
    }

    public List<WorkingGroup> list(DicasUser user) {
        return complete(f.visible(SELECT + " order by w.code, w.id", user).query(ROWS).list());
    }

    /** What the working-group list sorts and filters by: by code unless asked otherwise. */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("code", "lower(w.code)", false, "w.id")
            .and("name", "lower(coalesce(nullif(w.name_en, ''), w.name_ja))").and("status", "w.status")
            .filterIn("w.code", "w.name_en", "w.name_ja", "w.mandate_en", "w.mandate_ja");

    /**
     * A page of the working groups the user may read, of one status when {@code status} is given, sorted and filtered
     * as the view asks ({@link #COLUMNS}); co-chairs and members in two more queries, whatever the page's length.
     */
    public Page<WorkingGroup> list(DicasUser user, Optional<WorkingGroup.Status> status, Paging paging,
                                   TableView view) {
        String sql = status.isPresent() ? SELECT + " and w.status = :status" : SELECT;
        Map<String, Object> params = status.<Map<String, Object>>map(s -> Map.of("status", s.name())).orElse(Map.of());
        return f.readable.page(user, sql, COLUMNS, params, paging, view, ROWS).map(this::complete);
    }

    private static final RowMapper<Row> ROWS = org.dicas.platform.RecordRows.of(Row.class);

    public WorkingGroup get(DicasUser user, long id) {
        WorkingGroup g = find(user, id).orElseThrow(() -> new NotFoundException("working group", id));
        return f.shown(user, "WORKING_GROUP", id, g.marking(), g);
    }

    public Optional<WorkingGroup> find(DicasUser user, long id) {
        return complete(f.visible(SELECT + " and w.id = :id", user).param("id", id).query(ROWS).list())
                .stream().findFirst();
    }

    /**
     * Adds co-chairs and members to the rows: one statement for all of them, whatever their number (co-chairs by
     * nation, then members by nation and name).
     */
    private List<WorkingGroup> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<WorkingGroup.CoChair>> chairs = new HashMap<>();
        Map<Long, List<WorkingGroup.Member>> members = new HashMap<>();
        f.jdbc.sql("""
                        select 0 as part, c.working_group_id, c.nation, c.name, coalesce(o.name, ''), 0 as user_id
                        from wg_co_chair c left join organization o on o.id = c.organization_id
                        where c.working_group_id in (:ids)
                        union all
                        select 1, m.working_group_id, u.nation, u.display_name, o.name, u.id from wg_member m
                        join app_user u on u.id = m.user_id join organization o on o.id = u.organization_id
                        where m.working_group_id in (:ids)
                        order by 1, 3, 4""")
                .param("ids", ids)
                .query(rs -> {
                    if (rs.getInt(1) == 0) {
                        chairs.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                                .add(new WorkingGroup.CoChair(rs.getString(3), rs.getString(4), rs.getString(5)));
                    } else {
                        members.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                                .add(new WorkingGroup.Member(rs.getLong(6), rs.getString(4), rs.getString(3),
                                        rs.getString(5)));
                    }
                });
        return rows.stream().map(r -> new WorkingGroup(r.id(), Marking.parse(r.marking()), r.code(), r.nameEn(),
                r.nameJa(), r.mandateEn(), r.mandateJa(), WorkingGroup.Status.valueOf(r.status()), r.groupCode(),
                chairs.getOrDefault(r.id(), List.of()), members.getOrDefault(r.id(), List.of()), r.version()))
                .toList();
    }

    @Transactional
    public WorkingGroup create(DicasUser user, WorkingGroupCommand c) {
        ForumWriteRules.createWorkingGroup(user).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        validate(c, f.asSaved(marking, user, null));
        if (f.jdbc.sql("select count(*) from working_group where code = :c").param("c", c.code())
                .query(Integer.class).single() > 0) {
            throw InvalidInputException.of("code", "forum.error.codeTaken", c.code());
        }
        long id = f.records.register("WORKING_GROUP", c.nameEn(), searchText(c), marking, Optional.empty(), user,
                i -> "/working-groups/" + i);
        f.jdbc.sql("""
                        insert into working_group (id, code, name_en, name_ja, mandate_en, mandate_ja, status, group_code)
                        values (:id, :code, :en, :ja, :men, :mja, :status, :grp)""")
                .param("id", id).param("code", c.code()).param("en", c.nameEn()).param("ja", c.nameJa())
                .param("men", c.mandateEn()).param("mja", c.mandateJa()).param("status", c.status().name())
                .param("grp", blankToNull(c.groupCode())).update();
        writeChairsAndMembers(id, c);
        return get(user, id);
    }

    @Transactional
    public WorkingGroup update(DicasUser user, long id, ExpectedVersion expected, WorkingGroupCommand c) {
        WorkingGroup current = get(user, id);
        ForumWriteRules.editWorkingGroup(user, current).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        validate(c, f.asSaved(marking, user, id));
        if (f.jdbc.sql("select count(*) from working_group where code = :c and id <> :id").param("c", c.code())
                .param("id", id).query(Integer.class).single() > 0) {
            throw InvalidInputException.of("code", "forum.error.codeTaken", c.code());
        }
        f.records.update(id, expected, c.nameEn(), searchText(c), marking, Optional.empty(), user);
        f.jdbc.sql("""
                        update working_group set code = :code, name_en = :en, name_ja = :ja, mandate_en = :men,
                               mandate_ja = :mja, status = :status, group_code = :grp where id = :id""")
                .param("id", id).param("code", c.code()).param("en", c.nameEn()).param("ja", c.nameJa())
                .param("men", c.mandateEn()).param("mja", c.mandateJa()).param("status", c.status().name())
                .param("grp", blankToNull(c.groupCode())).update();
        f.jdbc.sql("delete from wg_co_chair where working_group_id = :id").param("id", id).update();
        f.jdbc.sql("delete from wg_member where working_group_id = :id").param("id", id).update();
        writeChairsAndMembers(id, c);
        return get(user, id);
    }

    /**
     * The people the member picker offers: those who may read the working group as it would be saved with the
     * marking the form holds ({@code groupId} null for a new group).
     */
    public List<DicasUser> possibleMembers(DicasUser user, String marking, Long groupId) {
        return f.readers(user, marking, groupId);
    }

    private void validate(WorkingGroupCommand c, RecordMarking saved) {
        Set<String> nations = new HashSet<>();
        for (var chair : c.coChairs()) {
            if (!directory.nationExists(chair.nation())) {
                throw InvalidInputException.of("coChairs.nation", "forum.error.unknownNation", chair.nation());
            }
            if (!nations.add(chair.nation())) {
                throw InvalidInputException.of("coChairs", "forum.error.oneCoChairPerNation", Sentence.nation(chair.nation()));
            }
            if (chair.organizationId() != null && directory.organization(chair.organizationId()).isEmpty()) {
                throw InvalidInputException.of("coChairs.organizationId", "forum.error.unknownOrganization", chair.organizationId());
            }
        }
        f.mustRead("memberIds", c.memberIds(), saved);
        String grp = blankToNull(c.groupCode());
        if (grp != null && directory.groups().stream().noneMatch(g -> g.code().equals(grp))) {
            throw InvalidInputException.of("groupCode", "forum.error.unknownGroup", grp);
        }
    }

    private void writeChairsAndMembers(long id, WorkingGroupCommand c) {
        for (var chair : c.coChairs()) {
            f.jdbc.sql("insert into wg_co_chair (working_group_id, nation, name, organization_id) values (:id, :n, :name, :org)")
                    .param("id", id).param("n", chair.nation()).param("name", chair.name())
                    .param("org", chair.organizationId()).update();
        }
        for (Long member : new HashSet<>(c.memberIds())) {
            f.jdbc.sql("insert into wg_member (working_group_id, user_id) values (:id, :u)")
                    .param("id", id).param("u", member).update();
        }
    }

    private static String searchText(WorkingGroupCommand c) {
        return String.join("\n", c.code(), c.nameEn(), c.nameJa(), c.mandateEn(), c.mandateJa());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
