package org.dicas.programs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import org.dicas.shared.ListColumns;
import org.dicas.shared.TableView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;

/**
 * Agreements around the cooperative programs (MOU, project arrangement, SoSA, terms of reference): parties, signed
 * date, forum documents and linked programs. Written by government users and the secretariat
 * ({@link ProgramWriteRules}), read by policy; a
 * reader sees the documents and programs they may read and a count of the withheld ones.
 */
@Service
public class Agreements {

    /** The kind of the {@code record} row of an agreement. */
    public static final String KIND = "AGREEMENT";
    /** The kind of the forum's document records an agreement links to. */
    public static final String DOCUMENT_KIND = "DOCUMENT";

    private final JdbcClient jdbc;
    private final MarkedRecords records;
    private final ReadableRecords readable;
    private final AuditLog audit;
    private final Directory directory;

    Agreements(JdbcClient jdbc, MarkedRecords records, ReadableRecords readable, AuditLog audit,
               Directory directory) {
        this.jdbc = jdbc;
        this.records = records;
        this.readable = readable;
        this.audit = audit;
        this.directory = directory;
    }

    private static final String SELECT = """
            select a.id, r.marking, a.type, a.title, a.description, a.signed_on, r.created_by, r.version
            from agreement a join record r on r.id = a.id where {readable:r}""";

    private record Row(long id, String marking, String type, String title, String description,
                       java.time.LocalDate signedOn, Long createdBy, long version) {
    }

    private static final RowMapper<Row> ROWS = new SimplePropertyRowMapper<>(Row.class);

    private JdbcClient.StatementSpec visible(String sql, DicasUser user) {
        return readable.query(user, sql);
    }

    /** A page of the agreements the user may read, most recently signed first (unsigned last), then by title and id. */
    public Page<Agreement> list(DicasUser user, Paging paging) {
        return readable.page(user, SELECT, "a.signed_on desc nulls last, a.title, a.id", Map.of(), paging, ROWS)
                .map(rows -> assemble(rows, user));
    }

    /** What the agreement list sorts and filters by: most recently signed first (unsigned last) unless asked. */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("signed", "a.signed_on", true, "a.id")
            .and("title", "lower(a.title)").and("type", "a.type").filterIn("a.title", "a.description");

    /**
     * A page of the agreements the user may read, of one type when {@code type} is given, sorted and filtered as the
     * view asks ({@link #COLUMNS}).
     */
    public Page<Agreement> list(DicasUser user, Optional<Agreement.Type> type, Paging paging, TableView view) {
        String sql = type.isPresent() ? SELECT + " and a.type = :type" : SELECT;
        Map<String, Object> params = type.<Map<String, Object>>map(t -> Map.of("type", t.name())).orElse(Map.of());
        return readable.page(user, sql, COLUMNS, params, paging, view, ROWS).map(rows -> assemble(rows, user));
    }

    /** The agreements the user may read that link this program. */
    public List<Agreement> ofProgram(DicasUser user, long programId) {
        return assemble(visible(SELECT + " and exists (select 1 from agreement_program ap where ap.agreement_id = a.id"
                        + " and ap.program_id = :p) order by a.signed_on desc nulls last, a.id", user)
                .param("p", programId).query(Row.class).list(), user);
    }

    public Optional<Agreement> find(long id, DicasUser user) {
        return visible(SELECT + " and a.id = :id", user).param("id", id).query(Row.class).optional()
                .map(r -> assemble(List.of(r), user).get(0));
    }

    /** One agreement shown to the user; hidden means not found. A CUI read is audited. */
    public Agreement get(DicasUser user, long id) {
        Agreement a = find(id, user).orElseThrow(() -> new NotFoundException("agreement", id));
        audit.read(user, KIND, id, a.marking());
        return a;
    }

    /**
     * The agreements of these rows with their parties, documents and programs, in two statements for all of them
     * (not a few per row): the parties, and every link with its record when the user may read it — a link to a record
     * the user may not read (or one gone) is counted as withheld.
     */
    private List<Agreement> assemble(List<Row> rows, DicasUser user) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<String>> parties = new HashMap<>();
        jdbc.sql("select agreement_id, nation from agreement_party where agreement_id in (:ids)"
                        + " order by agreement_id, position")
                .param("ids", ids)
                .query(rs -> {
                    parties.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, Links> links = new HashMap<>();
        readable.query(user, """
                        select l.agreement_id, l.program, r.id, r.kind, r.title, r.link, r.marking
                        from (select agreement_id, document_id as linked, position, false as program
                              from agreement_document where agreement_id in (:ids)
                              union all
                              select agreement_id, program_id, position, true
                              from agreement_program where agreement_id in (:ids)) l
                        left join record r on r.id = l.linked and {readableInContainer:r}
                        order by l.agreement_id, l.program, l.position""")
                .param("ids", ids)
                .query(rs -> {
                    Links of = links.computeIfAbsent(rs.getLong(1), k -> new Links());
                    if (rs.getObject(3) == null) {
                        of.withheld++;
                    } else {
                        (rs.getBoolean(2) ? of.programs : of.documents).add(new Program.LinkedRecord(rs.getLong(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), Marking.parse(rs.getString(7))));
                    }
                });
        return rows.stream().map(r -> {
            Links l = links.getOrDefault(r.id(), new Links());
            return new Agreement(r.id(), Marking.parse(r.marking()), Agreement.Type.valueOf(r.type()), r.title(),
                    r.description(), parties.getOrDefault(r.id(), List.of()), r.signedOn(), l.documents, l.programs,
                    l.withheld, r.createdBy() == null ? 0 : r.createdBy(), r.version());
        }).toList();
    }

    /** An agreement's links as the reader sees them: the documents and programs they may read, and how many not. */
    private static final class Links {
        final List<Program.LinkedRecord> documents = new ArrayList<>();
        final List<Program.LinkedRecord> programs = new ArrayList<>();
        int withheld;
    }

    /** The forum documents the user may read, to link from an agreement. */
    public List<Program.LinkedRecord> documents(DicasUser user) {
        return readable.query(user, "select r.id, r.kind, r.title, r.link, r.marking from record r where r.kind = '"
                        + DOCUMENT_KIND + "' and exists (select 1 from document d where d.id = r.id)"
                        + " and {readableInContainer:r} order by r.title, r.id limit 500")
                .query((rs, n) -> new Program.LinkedRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), Marking.parse(rs.getString(5)))).list();
    }

    @Transactional
    public Agreement create(DicasUser author, AgreementCommand c) {
        ProgramWriteRules.createAgreement(author).orThrow();
        Marking marking = Programs.marking(c.marking());
        List<String> parties = validate(author, c);
        long id = records.register(KIND, c.title(), searchText(c), marking, Optional.empty(), author,
                i -> "/agreements/" + i);
        jdbc.sql("insert into agreement (id, type, title, description, signed_on) values (:id, :type, :t, :d, :s)")
                .param("id", id).params(columns(c)).update();
        writeChildren(id, c, parties);
        return find(id, author).orElseThrow();
    }

    @Transactional
    public Agreement update(DicasUser editor, long id, ExpectedVersion expected, AgreementCommand c) {
        Agreement current = find(id, editor).orElseThrow(() -> new NotFoundException("agreement", id));
        ProgramWriteRules.editAgreement(editor, current).orThrow();
        Marking marking = Programs.marking(c.marking());
        List<String> parties = validate(editor, c);
        records.update(id, expected, c.title(), searchText(c), marking, Optional.empty(), editor);
        jdbc.sql("update agreement set type = :type, title = :t, description = :d, signed_on = :s where id = :id")
                .param("id", id).params(columns(c)).update();
        // links the editor cannot read stay: the editor never saw them, so cannot have removed them
        List<Long> documents = new ArrayList<>(c.documentIds());
        documents.addAll(hiddenLinks("agreement_document", "document_id", id, editor, c.documentIds()));
        List<Long> linkedPrograms = new ArrayList<>(c.programIds());
        linkedPrograms.addAll(hiddenLinks("agreement_program", "program_id", id, editor, c.programIds()));
        for (String table : List.of("agreement_party", "agreement_document", "agreement_program")) {
            jdbc.sql("delete from " + table + " where agreement_id = :id").param("id", id).update();
        }
        writeChildren(id, new AgreementCommand(c.type(), c.title(), c.description(), c.parties(), c.signedOn(),
                documents, linkedPrograms, c.marking()), parties);
        return find(id, editor).orElseThrow();
    }

    private List<Long> hiddenLinks(String table, String column, long id, DicasUser editor, List<Long> given) {
        return jdbc.sql("select " + column + " from " + table + " where agreement_id = :id order by position")
                .param("id", id).query(Long.class).list().stream()
                .filter(l -> !records.readable(l, editor) && !given.contains(l)).toList();
    }

    private List<String> validate(DicasUser author, AgreementCommand c) {
        if (c.type() == null) {
            throw InvalidInputException.of("type", "agr.error.typeRequired");
        }
        if (c.title() == null || c.title().isBlank()) {
            throw InvalidInputException.of("title", "agr.error.titleRequired");
        }
        if (c.parties().isEmpty()) {
            throw InvalidInputException.of("parties", "agr.error.partyRequired");
        }
        Set<String> parties = new LinkedHashSet<>();
        for (String p : c.parties()) {
            String n = p == null ? "" : p.strip().toUpperCase(Locale.ROOT);
            if (!directory.nationExists(n)) {
                throw InvalidInputException.of("parties", "agr.error.unknownNation", p == null ? "" : p);
            }
            if (!parties.add(n)) {
                throw InvalidInputException.of("parties", "agr.error.nationTwice", Sentence.nation(n));
            }
        }
        checkLinks("documentIds", c.documentIds(), DOCUMENT_KIND, author);
        checkLinks("programIds", c.programIds(), Programs.KIND, author);
        return List.copyOf(parties);
    }

    private void checkLinks(String field, List<Long> ids, String kind, DicasUser author) {
        Set<Long> seen = new HashSet<>();
        for (Long id : ids) {
            if (id == null || !seen.add(id)) {
                throw InvalidInputException.of(field, "agr.error.linkTwice", id == null ? "" : id);
            }
            if (!records.readableAs(id, kind, author)) {
                throw InvalidInputException.of(field, "agr.error.linkUnreadable",
                        Sentence.label("record.kind", kind.toLowerCase(Locale.ROOT)), id);
            }
        }
    }

    private void writeChildren(long id, AgreementCommand c, List<String> parties) {
        for (int i = 0; i < parties.size(); i++) {
            jdbc.sql("insert into agreement_party (agreement_id, nation, position) values (:id, :n, :p)")
                    .param("id", id).param("n", parties.get(i)).param("p", i).update();
        }
        for (int i = 0; i < c.documentIds().size(); i++) {
            jdbc.sql("insert into agreement_document (agreement_id, document_id, position) values (:id, :d, :p)")
                    .param("id", id).param("d", c.documentIds().get(i)).param("p", i).update();
        }
        for (int i = 0; i < c.programIds().size(); i++) {
            jdbc.sql("insert into agreement_program (agreement_id, program_id, position) values (:id, :d, :p)")
                    .param("id", id).param("d", c.programIds().get(i)).param("p", i).update();
        }
    }

    private static Map<String, Object> columns(AgreementCommand c) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("type", c.type().name());
        p.put("t", c.title());
        p.put("d", c.description());
        p.put("s", c.signedOn());
        return p;
    }

    private static String searchText(AgreementCommand c) {
        return String.join("\n", c.title(), c.type().name().replace('_', ' '), c.description());
    }
}
