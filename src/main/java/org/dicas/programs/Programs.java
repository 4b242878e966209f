package org.dicas.programs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.dicas.shared.ListColumns;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;

/**
 * Cooperative programs. Government users (government bodies, military services) and the secretariat write them;
 * everyone reads what the releasability policy releases to them, a hidden program does not exist (404); who writes
 * is decided by {@link ProgramWriteRules}. Partner
 * cost shares sum to exactly 100 %; each partner's work-share imbalance is its work-share target minus its cost
 * share. Linked requirements are record ids the author may read; a reader sees the titles of those they may read
 * and a count of the withheld ones. Creation and changes are audited through the record registry.
 */
@Service
public class Programs {

    /** The kind of the {@code record} row of a program. */
    public static final String KIND = "PROGRAM";
    /** The record kind of the requirements module's requirements, the only records a program links as requirements. */
    public static final String REQUIREMENT_KIND = "REQUIREMENT";

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReadableRecords readable;
    private final AuditLog audit;
    private final Directory directory;

    Programs(JdbcClient jdbc, MarkedRecords records, ReadableRecords readable, AuditLog audit, Directory directory) {
        this.jdbc = jdbc;
        this.records = records;
        this.readable = readable;
        this.audit = audit;
        this.directory = directory;
    }

    private static final String SELECT = """
            select p.id, r.marking, p.type, p.status, p.name_en, p.name_ja, p.description, r.created_by, r.version
            from program p join record r on r.id = p.id where {readable:r}""";

    private record Row(long id, String marking, String type, String status, String nameEn, String nameJa,
                       String description, Long createdBy, long version) {
    }

    private static final RowMapper<Row> ROWS = new SimplePropertyRowMapper<>(Row.class);

    private JdbcClient.StatementSpec visible(String sql, DicasUser user) {
        return readable.query(user, sql);
    }

    // ----------------------------------------------------------------------------------------------- reads

    /** The programs the user may read, by name. */
    public List<Program> readable(DicasUser user) {
        return visible(SELECT + " order by coalesce(nullif(p.name_en, ''), p.name_ja), p.id", user)
                .query(Row.class).list().stream().map(r -> assemble(r, user)).toList();
    }

    /** A page of the programs the user may read, by name (English, else Japanese), then by id. */
    public Page<Program> list(DicasUser user, Paging paging) {
        return list(user, paging, TableView.NONE);
    }

    /** What the programs list sorts and filters by: by name (English, else Japanese) unless asked otherwise. */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("name",
                    "lower(coalesce(nullif(p.name_en, ''), p.name_ja))", false, "p.id")
            .and("type", "p.type").and("status", "p.status").filterIn("p.name_en", "p.name_ja", "p.description");

    /** A page of the programs the user may read, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<Program> list(DicasUser user, Paging paging, TableView view) {
        return readable.page(user, SELECT, COLUMNS, Map.of(), paging, view, ROWS)
                .map(rows -> rows.stream().map(r -> assemble(r, user)).toList());
    }

    /** One program, when the user may read it (no audit entry; see {@link #get}). */
    public Optional<Program> find(long id, DicasUser user) {
        return visible(SELECT + " and p.id = :id", user).param("id", id).query(Row.class).optional()
                .map(r -> assemble(r, user));
    }

    /** One program shown to the user; a program the user may not read is not found. A CUI read is audited. */
    public Program get(DicasUser user, long id) {
        Program p = find(id, user).orElseThrow(() -> new NotFoundException("program", id));
        audit.read(user, KIND, id, p.marking());
        return p;
    }

    private Program assemble(Row r, DicasUser user) {
        List<Program.Partner> partners = jdbc.sql("""
                        select nation, cost_share, work_share from program_partner where program_id = :id
                        order by position, nation""")
                .param("id", r.id())
                .query((rs, n) -> {
                    BigDecimal cost = rs.getBigDecimal(2);
                    BigDecimal work = rs.getBigDecimal(3);
                    return new Program.Partner(rs.getString(1), cost, work, work == null ? null : work.subtract(cost));
                }).list();
        List<Program.Milestone> milestones = jdbc.sql("""
                        select name, due_on from program_milestone where program_id = :id order by due_on, position""")
                .param("id", r.id())
                .query((rs, n) -> new Program.Milestone(rs.getString(1), rs.getObject(2, java.time.LocalDate.class)))
                .list();
        List<Long> linked = jdbc.sql("select record_id from program_requirement where program_id = :id order by position")
                .param("id", r.id()).query(Long.class).list();
        List<Program.LinkedRecord> shown = new ArrayList<>();
        int withheld = 0;
        for (long id : linked) {
            Optional<Program.LinkedRecord> l = linkedRecord(id, user, records);
            if (l.isPresent()) {
                shown.add(l.get());
            } else {
                withheld++;
            }
        }
        return new Program(r.id(), Marking.parse(r.marking()), Program.Type.valueOf(r.type()),
                Program.Status.valueOf(r.status()), r.nameEn(), r.nameJa(), r.description(), partners, milestones,
                shown, withheld, r.createdBy() == null ? 0 : r.createdBy(), r.version());
    }

    /** A linked record's title and link, only when the user may read it. */
    static Optional<Program.LinkedRecord> linkedRecord(long id, DicasUser user, MarkedRecords records) {
        if (!records.readable(id, user)) {
            return Optional.empty();
        }
        return records.summary(id).map(s -> new Program.LinkedRecord(s.id(), s.kind(), s.title(), s.link(),
                s.marking().marking()));
    }

    // ----------------------------------------------------------------------------------------------- writes

    /** Creates a program written by {@code author}; returns it as the author sees it. Nothing is saved on bad input. */
    @Transactional
    public Program create(DicasUser author, ProgramCommand c) {
        ProgramWriteRules.createProgram(author).orThrow();
        Marking marking = marking(c.marking());
        validate(author, c);
        long id = records.register(KIND, title(c), searchText(c), marking, Optional.empty(), author,
                i -> "/programs/" + i);
        jdbc.sql("""
                        insert into program (id, type, status, name_en, name_ja, description)
                        values (:id, :type, :status, :en, :ja, :d)""")
                .param("id", id).params(columns(c)).update();
        writeChildren(id, c);
        return find(id, author).orElseThrow();
    }

    /** Changes a program the editor may read; nothing is changed on bad input. */
    @Transactional
    public Program update(DicasUser editor, long id, ExpectedVersion expected, ProgramCommand c) {
        Program current = find(id, editor).orElseThrow(() -> new NotFoundException("program", id));
        ProgramWriteRules.editProgram(editor, current).orThrow();
        Marking marking = marking(c.marking());
        validate(editor, c);
        records.update(id, expected, title(c), searchText(c), marking, Optional.empty(), editor);
        jdbc.sql("""
                        update program set type = :type, status = :status, name_en = :en, name_ja = :ja,
                               description = :d where id = :id""")
                .param("id", id).params(columns(c)).update();
        // links to requirements the editor cannot read stay: the editor never saw them, so cannot have removed them
        List<Long> kept = jdbc.sql("select record_id from program_requirement where program_id = :id order by position")
                .param("id", id).query(Long.class).list().stream()
                .filter(r -> !records.readable(r, editor) && !c.requirementIds().contains(r)).toList();
        for (String table : List.of("program_partner", "program_milestone", "program_requirement")) {
            jdbc.sql("delete from " + table + " where program_id = :id").param("id", id).update();
        }
        List<Long> linked = new ArrayList<>(c.requirementIds());
        linked.addAll(kept);
        writeChildren(id, new ProgramCommand(c.nameEn(), c.nameJa(), c.type(), c.status(), c.description(),
                c.partners(), c.milestones(), linked, c.marking()));
        return find(id, editor).orElseThrow();
    }

    static Marking marking(String banner) {
        return Marking.required(banner);
    }

    private void validate(DicasUser author, ProgramCommand c) {
        if (c.type() == null) {
            throw InvalidInputException.of("type", "prog.error.typeRequired");
        }
        if (c.nameEn().isBlank() && c.nameJa().isBlank()) {
            throw InvalidInputException.of("nameEn", "prog.error.nameRequired");
        }
        if (c.partners().isEmpty()) {
            throw InvalidInputException.of("partners", "prog.error.partnerRequired");
        }
        Set<String> nations = new HashSet<>();
        BigDecimal costTotal = BigDecimal.ZERO;
        BigDecimal workTotal = BigDecimal.ZERO;
        for (int i = 0; i < c.partners().size(); i++) {
            ProgramCommand.Partner p = c.partners().get(i);
            String field = "partners[" + i + "]";
            String nation = p.nation() == null ? "" : p.nation().strip().toUpperCase(Locale.ROOT);
            if (!directory.nationExists(nation)) {
                throw InvalidInputException.of(field + ".nation", "prog.error.unknownNation", i + 1, p.nation());
            }
            if (!nations.add(nation)) {
                throw InvalidInputException.of(field + ".nation", "prog.error.nationTwice", i + 1, Sentence.nation(nation));
            }
            costTotal = costTotal.add(percent(field + ".costShare", i + 1, p.costShare(), true));
            if (p.workShare() != null) {
                workTotal = workTotal.add(percent(field + ".workShare", i + 1, p.workShare(), false));
            }
        }
        if (costTotal.compareTo(HUNDRED) != 0) {
            throw InvalidInputException.of("partners.costShare", "prog.error.costSharesSum",
                    costTotal.stripTrailingZeros().toPlainString());
        }
        if (workTotal.compareTo(HUNDRED) > 0) {
            throw InvalidInputException.of("partners.workShare", "prog.error.workSharesSum",
                    workTotal.stripTrailingZeros().toPlainString());
        }
        for (int i = 0; i < c.milestones().size(); i++) {
            ProgramCommand.Milestone m = c.milestones().get(i);
            if (m.name() == null || m.name().isBlank()) {
                throw InvalidInputException.of("milestones[" + i + "].name", "prog.error.milestoneName", i + 1);
            }
            if (m.date() == null) {
                throw InvalidInputException.of("milestones[" + i + "].date", "prog.error.milestoneDate", i + 1);
            }
        }
        Set<Long> seen = new HashSet<>();
        for (Long id : c.requirementIds()) {
            if (id == null || !seen.add(id)) {
                throw InvalidInputException.of("requirementIds", "prog.error.requirementTwice", id == null ? "" : id);
            }
            if (!records.readableAs(id, REQUIREMENT_KIND, author)) {
                throw InvalidInputException.of("requirementIds", "prog.error.requirementUnreadable", id);
            }
        }
    }

    /** A partner's share in percent ({@code line}: the partner's place in the list, from 1). */
    private static BigDecimal percent(String field, int line, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) {
                throw InvalidInputException.of(field, "prog.error.percentRequired", line);
            }
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw InvalidInputException.of(field, "prog.error.percentRange", line, value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw InvalidInputException.of(field, "prog.error.percentDecimals", line, value.toPlainString());
        }
        return value;
    }

    private void writeChildren(long id, ProgramCommand c) {
        for (int i = 0; i < c.partners().size(); i++) {
            ProgramCommand.Partner p = c.partners().get(i);
            jdbc.sql("""
                            insert into program_partner (program_id, nation, position, cost_share, work_share)
                            values (:id, :n, :pos, :cost, :work)""")
                    .param("id", id).param("n", p.nation().strip().toUpperCase(Locale.ROOT)).param("pos", i)
                    .param("cost", p.costShare()).param("work", p.workShare()).update();
        }
        for (int i = 0; i < c.milestones().size(); i++) {
            ProgramCommand.Milestone m = c.milestones().get(i);
            jdbc.sql("insert into program_milestone (program_id, position, name, due_on) values (:id, :pos, :n, :d)")
                    .param("id", id).param("pos", i).param("n", m.name().strip()).param("d", m.date()).update();
        }
        for (int i = 0; i < c.requirementIds().size(); i++) {
            jdbc.sql("insert into program_requirement (program_id, record_id, position) values (:id, :r, :pos)")
                    .param("id", id).param("r", c.requirementIds().get(i)).param("pos", i).update();
        }
    }

    private static Map<String, Object> columns(ProgramCommand c) {
        return Map.of("type", c.type().name(), "status", c.status().name(), "en", c.nameEn(), "ja", c.nameJa(),
                "d", c.description());
    }

    private static String title(ProgramCommand c) {
        return c.nameEn().isBlank() ? c.nameJa() : c.nameEn();
    }

    private static String searchText(ProgramCommand c) {
        return String.join("\n", c.nameEn(), c.nameJa(), c.type().name().replace('_', ' '), c.description());
    }
}
