package org.dicas.security;

import java.util.Map;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.ExportControl;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.NationCode;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Sentence;
import org.dicas.shared.SentenceJson;
import org.dicas.shared.Sentences;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Export-control authorizations: issued, changed and attached to records only by disclosure officers of the issuing
 * nation, and only to records that nation originated and that carry an EXPORT control of the same regime
 * ({@link TrustWriteRules}). Officers of other nations do not see them (404).
 */
@Service
public class ExportAuthorizations {

    /** What an officer submits to issue or change an authorization. */
    public record Command(String number, ExportAuthorization.Kind kind, ExportControl.Regime regime,
                          List<String> coveredNations, List<Long> coveredCompanies, LocalDate validFrom,
                          LocalDate validTo, String note) {
        public Command {
            coveredNations = coveredNations == null ? List.of() : coveredNations;
            coveredCompanies = coveredCompanies == null ? List.of() : coveredCompanies;
            note = note == null ? "" : note;
        }
    }

    static final String SELECT = """
            select id, number, kind, regime, issuing_nation, covered_nations, covered_companies, valid_from, valid_to, note,
                   version, note_sentence
            from export_authorization""";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditLog audit;
    private final MarkedRecords records;
    private final KeptReads keptReads;

    ExportAuthorizations(JdbcClient jdbc, Directory directory, AuditLog audit, MarkedRecords records,
                         KeptReads keptReads) {
        this.keptReads = keptReads;
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.records = records;
    }

    /** The authorizations attached to a record, by id. */
    static List<ExportAuthorization> attachedTo(JdbcClient jdbc, long recordId) {
        return jdbc.sql(SELECT + " ea where exists (select 1 from record_authorization ra "
                        + "where ra.authorization_id = ea.id and ra.record_id = :r) order by id")
                .param("r", recordId).query((rs, n) -> row(rs)).list();
    }

    static ExportAuthorization row(ResultSet rs) throws SQLException {
        return new ExportAuthorization(rs.getLong("id"), rs.getString("number"),
                ExportAuthorization.Kind.valueOf(rs.getString("kind")), ExportControl.Regime.valueOf(rs.getString("regime")),
                NationCode.of(rs.getString("issuing_nation")),
                Arrays.stream((String[]) rs.getArray("covered_nations").getArray()).map(NationCode::of).toList(),
                longs(rs.getArray("covered_companies")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), note(rs), rs.getLong("version"));
    }

    /**
     * The note in the reader's language when the system wrote it (a key and arguments, e.g. the foreign-disclosure
     * decision that issued the authorization), else as the officer typed it.
     */
    private static String note(ResultSet rs) throws SQLException {
        String written = rs.getString("note_sentence");
        return written == null ? rs.getString("note")
                : Sentences.render(SentenceJson.read(written), LocaleContextHolder.getLocale());
    }

    static List<Long> longs(Array a) throws SQLException {
        return Arrays.stream((Long[]) a.getArray()).toList();
    }

    static void requireOfficer(DicasUser user) {
        if (!user.hasRole(Role.DISCLOSURE_OFFICER)) {
            throw new NotFoundException("authorizations", "");
        }
    }

    /**
     * What the authorizations list sorts and filters by: latest expiry first unless asked otherwise; the filter looks
     * in the number and the note.
     */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("validTo", "valid_to", true, "id")
            .and("number", "lower(number)").and("kind", "kind").and("regime", "regime").and("validFrom", "valid_from")
            .filterIn("number", "note");

    /** A page of the authorizations the officer's nation issued, sorted and filtered as the view asks. */
    public Page<ExportAuthorization> issuedBy(DicasUser officer, Paging paging, TableView view) {
        requireOfficer(officer);
        return UnmarkedPages.page(jdbc, SELECT + " where issuing_nation = :n", COLUMNS,
                Map.of("n", officer.nation().code()), paging, view, (rs, i) -> row(rs));
    }

    public ExportAuthorization get(DicasUser officer, long id) {
        requireOfficer(officer);
        return jdbc.sql(SELECT + " where id = :id and issuing_nation = :n").param("id", id)
                .param("n", officer.nation().code()).query((rs, i) -> row(rs)).optional()
                .orElseThrow(() -> new NotFoundException("authorization", id));
    }

    /**
     * An authorization another module relies on (a co-production transfer rule follows one), whoever asks: such a
     * module shows no more of it than its number, its issuing nation and whether it is in force — its lists of
     * covered nations and companies stay with the officers.
     */
    public Optional<ExportAuthorization> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, i) -> row(rs)).optional();
    }

    /** The authorization a nation issued under this number (numbers are unique per issuing nation), as {@link #find}. */
    public Optional<ExportAuthorization> findByNumber(NationCode issuingNation, String number) {
        return jdbc.sql(SELECT + " where issuing_nation = :n and number = :number")
                .param("n", issuingNation.code()).param("number", number == null ? "" : number.strip())
                .query((rs, i) -> row(rs)).optional();
    }

    /** Authorizations attached to a record (all of them, active or not), for the policy and the record's history. */
    public List<ExportAuthorization> attachedTo(long recordId) {
        return records.authorizationsOf(recordId);
    }

    /** The ids of the records an authorization is attached to. */
    public List<Long> recordsOf(DicasUser officer, long id) {
        get(officer, id);
        return jdbc.sql("select record_id from record_authorization where authorization_id = :a order by record_id")
                .param("a", id).query(Long.class).list();
    }

    @Transactional
    public ExportAuthorization issue(DicasUser officer, Command c) {
        return issue(officer, c, null);
    }

    /**
     * Issues an authorization whose note the system writes ({@code note}, rendered in each reader's language; the
     * command's note is ignored). An officer who later types another note replaces it.
     */
    @Transactional
    public ExportAuthorization issue(DicasUser officer, Command c, Sentence note) {
        if (note != null) {
            c = new Command(c.number(), c.kind(), c.regime(), c.coveredNations(), c.coveredCompanies(), c.validFrom(),
                    c.validTo(), note.english());
        }
        if (!TrustWriteRules.issueAuthorization(officer).allowed()) {
            throw new NotFoundException("authorizations", ""); // to anyone else the feature does not exist
        }
        validate(officer, c, null);
        long id = jdbc.sql("""
                        insert into export_authorization (number, kind, regime, issuing_nation, covered_nations,
                               covered_companies, valid_from, valid_to, note, note_sentence, created_by)
                        values (:number, :kind, :regime, :issuer, cast(:nations as text[]), cast(:companies as bigint[]),
                                :from, :to, :note, cast(:noteSentence as jsonb), :by) returning id""")
                .params(columns(c)).param("issuer", officer.nation().code()).param("by", officer.id())
                .param("noteSentence", note == null ? null : SentenceJson.write(note))
                .query(Long.class).single();
        audit.append(officer, "AUTHORIZATION_ISSUED", null, "AUTHORIZATION", describe(id, c));
        return get(officer, id);
    }

    @Transactional
    public ExportAuthorization change(DicasUser officer, long id, ExpectedVersion expected, Command c) {
        TrustWriteRules.changeAuthorization(officer, get(officer, id)).orThrow();
        validate(officer, c, id);
        // a note the system wrote stays a sentence while the officer leaves it as shown (in either language)
        Optional<Sentence> written = jdbc.sql("select note_sentence from export_authorization where id = :id")
                .param("id", id).query(String.class).optional().map(SentenceJson::read);
        String typed = c.note().strip();
        boolean kept = written.filter(s -> typed.equals(s.english())
                || typed.equals(Sentences.render(s, java.util.Locale.JAPANESE))).isPresent();
        if (kept) {
            c = new Command(c.number(), c.kind(), c.regime(), c.coveredNations(), c.coveredCompanies(), c.validFrom(),
                    c.validTo(), written.get().english());
        }
        int n = jdbc.sql("""
                        update export_authorization set number = :number, kind = :kind, regime = :regime,
                               covered_nations = cast(:nations as text[]), covered_companies = cast(:companies as bigint[]),
                               valid_from = :from, valid_to = :to, note = :note,
                               note_sentence = case when :kept then note_sentence end, version = version + 1
                        where id = :id and version = :expected""")
                .params(columns(c)).param("kept", kept).param("id", id).param("expected", expected.required()).update();
        requireOne(officer, n, id, expected);
        keptReads.forgetAfterCommit(); // who may read the records it covers may change (other nodes: V51's notice)
        audit.append(officer, "AUTHORIZATION_CHANGED", null, "AUTHORIZATION", describe(id, c));
        return get(officer, id);
    }

    /** Attaches an authorization to a record of the officer's nation that carries an EXPORT control of its regime. */
    @Transactional
    public void attach(DicasUser officer, long id, long recordId) {
        ExportAuthorization a = get(officer, id);
        RecordMarking rm = records.find(recordId).filter(r -> records.readable(recordId, officer))
                .orElseThrow(() -> InvalidInputException.of("recordId", "authorization.error.noRecord", recordId));
        TrustWriteRules.attachAuthorization(officer, a, rm).orThrow();
        if (rm.marking().export().isEmpty()) {
            throw InvalidInputException.of("recordId", "authorization.error.notExportControlled", recordId);
        }
        if (rm.marking().export().get().regime() != a.regime()) {
            throw InvalidInputException.of("recordId", "authorization.error.otherRegime", recordId,
                    rm.marking().export().get().regime().name(), a.regime().name());
        }
        jdbc.sql("""
                        insert into record_authorization (record_id, authorization_id, attached_by) values (:r, :a, :by)
                        on conflict do nothing""")
                .param("r", recordId).param("a", id).param("by", officer.id()).update();
        jdbc.sql("update export_authorization set version = version + 1 where id = :id").param("id", id).update();
        keptReads.forgetAfterCommit();
        audit.append(officer, "AUTHORIZATION_ATTACHED", recordId, null, Sentence.of("audit.detail.authorizationNumber", a.number()));
    }

    @Transactional
    public void detach(DicasUser officer, long id, ExpectedVersion expected, long recordId) {
        ExportAuthorization a = get(officer, id);
        TrustWriteRules.detachAuthorization(officer, a).orThrow();
        requireOne(officer, jdbc.sql("update export_authorization set version = version + 1 where id = :id and version = :v")
                .param("id", id).param("v", expected.required()).update(), id, expected);
        int n = jdbc.sql("delete from record_authorization where record_id = :r and authorization_id = :a")
                .param("r", recordId).param("a", id).update();
        if (n == 0) {
            throw new NotFoundException("attachment", recordId);
        }
        keptReads.forgetAfterCommit();
        audit.append(officer, "AUTHORIZATION_DETACHED", recordId, null, Sentence.of("audit.detail.authorizationNumber", a.number()));
    }

    private void requireOne(DicasUser officer, int updated, long id, ExpectedVersion expected) {
        if (updated != 1) {
            throw new org.dicas.shared.StaleVersionException("AUTHORIZATION", id, expected.value(), get(officer, id).version());
        }
    }

    private void validate(DicasUser officer, Command c, Long id) {
        if (c.number() == null || c.number().isBlank() || c.number().length() > 64) {
            throw InvalidInputException.of("number", "authorization.error.number");
        }
        if (c.kind() == null) {
            throw InvalidInputException.of("kind", "authorization.error.kind");
        }
        if (c.regime() == null) {
            throw InvalidInputException.of("regime", "authorization.error.regime");
        }
        if (c.coveredNations().isEmpty()) {
            throw InvalidInputException.of("coveredNations", "authorization.error.noNation");
        }
        for (String n : c.coveredNations()) {
            if (!directory.nationExists(n)) {
                throw InvalidInputException.of("coveredNations", "authorization.error.unknownNation", n);
            }
        }
        for (Long company : c.coveredCompanies()) {
            var org = directory.organization(company);
            if (org.isEmpty() || org.get().kind() != OrganizationKind.COMPANY) {
                throw InvalidInputException.of("coveredCompanies", "authorization.error.noCompany", company);
            }
        }
        if (c.validFrom() == null || c.validTo() == null) {
            throw InvalidInputException.of("validTo", "authorization.error.validityRequired");
        }
        if (c.validTo().isBefore(c.validFrom())) {
            throw InvalidInputException.of("validTo", "authorization.error.endsBeforeStart");
        }
        if (c.note().length() > 2000) {
            throw InvalidInputException.of("note", "authorization.error.noteTooLong", 2000);
        }
        boolean duplicate = jdbc.sql("""
                        select count(*) from export_authorization
                        where issuing_nation = :n and number = :number and id <> :id""")
                .param("n", officer.nation().code()).param("number", c.number()).param("id", id == null ? -1 : id)
                .query(Integer.class).single() > 0;
        if (duplicate) {
            throw InvalidInputException.of("number", "authorization.error.duplicate", c.number());
        }
    }

    private static java.util.Map<String, Object> columns(Command c) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("number", c.number().strip());
        p.put("kind", c.kind().name());
        p.put("regime", c.regime().name());
        p.put("nations", "{" + String.join(",", c.coveredNations().stream().distinct().toList()) + "}");
        p.put("companies", "{" + c.coveredCompanies().stream().distinct().map(String::valueOf).collect(Collectors.joining(",")) + "}");
        p.put("from", c.validFrom());
        p.put("to", c.validTo());
        p.put("note", c.note());
        return p;
    }

    private static Sentence describe(long id, Command c) {
        return Sentence.of("audit.detail.authorization", Sentence.label("authorization.kind", c.kind()), c.number(), id,
                c.regime(), AuditLog.nations(c.coveredNations()),
                AuditLog.items(c.coveredCompanies()), c.validFrom(), c.validTo());
    }

}
