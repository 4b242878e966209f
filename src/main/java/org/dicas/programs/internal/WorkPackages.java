package org.dicas.programs.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.dicas.programs.Program;
import org.dicas.programs.Programs;
import org.dicas.programs.WorkShareWriteRules;
import org.dicas.programs.engine.WorkShareProblem;
import org.dicas.programs.internal.WorkPackageCommands.OptionCommand;
import org.dicas.programs.internal.WorkPackageCommands.PackageCommand;
import org.dicas.programs.internal.WorkPackageCommands.ReleaseCommand;
import org.dicas.programs.internal.WorkPackageCommands.SettingsCommand;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.security.OrganizationKind;
import org.dicas.security.ReadableRecords;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.ListColumns;
import org.dicas.shared.NationFacet;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Sentence;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.titles.RecordTitles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work packages of cooperative programs, their performer options and the program's releases and tolerance.
 * A package is a marked record placed in its program, an option a marked record placed in its package whose cost is
 * PROPIN of the performing firm: every read goes through {@link ReadableRecords} (a package the reader may not read
 * is counted as withheld, a cost the reader may not read is withheld), every write through
 * {@link WorkShareWriteRules} and {@link MarkedRecords} (versions, audit). Nothing is saved on bad input.
 */
@Service
public class WorkPackages {

    static final String KIND = "WORK_PACKAGE";
    static final String OPTION_KIND = "WORK_PACKAGE_OPTION";
    static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("2");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern CONTROL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,47}");
    /** The most one option may cost: a thousand options at most this stay within the engine's exact range. */
    private static final BigDecimal MAX_COST = new BigDecimal("1000000000");

    private final JdbcClient jdbc;
    private final ReadableRecords readable;
    private final MarkedRecords records;
    private final Programs programs;
    private final Directory directory;
    private final AuditLog audit;

    private final RecordTitles titles;

    WorkPackages(JdbcClient jdbc, ReadableRecords readable, MarkedRecords records, Programs programs,
                 Directory directory, AuditLog audit, RecordTitles titles) {
        this.titles = titles;
        this.jdbc = jdbc;
        this.readable = readable;
        this.records = records;
        this.programs = programs;
        this.directory = directory;
        this.audit = audit;
    }

    // ----------------------------------------------------------------------------------------------- reads

    private record PackageRow(long id, String marking, long version, String code, String titleEn, String titleJa,
                              List<String> controls) {
    }

    private static final String PACKAGES = """
            select w.id, r.marking, r.version, w.code, w.title_en, w.title_ja, w.controls
            from work_package w join record r on r.id = w.id
            where w.program_id = :p and {readableInContainer:r}""";

    private static final org.springframework.jdbc.core.RowMapper<PackageRow> PACKAGE_ROWS = (rs, n) -> new PackageRow(
            rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
            strings(rs.getArray(7)));

    /** The program's work share as the reader sees it; a program the reader may not read is not found. */
    WorkShare workShare(DicasUser user, long programId) {
        Program p = programs.get(user, programId);
        List<PackageRow> rows = readable.query(user, PACKAGES + " order by w.code, w.id").param("p", programId)
                .query(PACKAGE_ROWS).list();
        long all = allPackages(programId);
        List<WorkPackage> packages = packages(user, programId, rows);
        return new WorkShare(programId, p.marking(), tolerance(programId), targets(p), workShareTargets(p),
                releases(programId),
                packages, (int) (all - packages.size()), p.version());
    }

    /**
     * A program's work-share terms as its page shows them beside the list of packages: the targets, the tolerance, the
     * releases, and how many packages the reader may read and how many are withheld — counted, not loaded: the page
     * lists the packages a page at a time ({@link #packages}), so its cost does not grow with the program.
     */
    record Terms(Marking programMarking, BigDecimal tolerance, List<WorkShare.Target> targets,
                 List<WorkShare.Release> releases, long readablePackages, long withheldPackages, long version) {
    }

    Terms terms(DicasUser user, long programId) {
        Program p = programs.get(user, programId);
        long readablePackages = readable.query(user, "select count(*) from (" + PACKAGES + ") as counted")
                .param("p", programId).query(Long.class).single();
        long all = allPackages(programId);
        return new Terms(p.marking(), tolerance(programId), targets(p), releases(programId), readablePackages,
                all - readablePackages, p.version());
    }

    /**
     * What a program's list of work packages sorts and filters by ({@code public} for the API description): by code
     * unless asked otherwise, ties by id; the filter looks in the code, both titles and the export controls.
     */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("code", "lower(w.code)", false, "w.id")
            .and("title", "lower(coalesce(nullif(w.title_en, ''), w.title_ja))")
            .filterIn("w.code", "w.title_en", "w.title_ja", "array_to_string(w.controls, ' ')");

    /**
     * A page of the program's work packages the reader may read (a program the reader may not read is not found),
     * those a firm of one nation may perform when {@code nation} is given, sorted and filtered as the view asks
     * ({@link #COLUMNS}); packages the reader may not read are neither listed nor counted. Options in one more
     * query, whatever the page's length.
     */
    Page<WorkPackage> packages(DicasUser user, long programId, Optional<String> nation, Paging paging,
                               TableView view) {
        programs.get(user, programId);
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("p", programId);
        nation.ifPresent(n -> params.put("nation", n));
        Page<PackageRow> rows = readable.page(user, PACKAGES + nation.map(n -> """
                         and exists (select 1 from work_package_option o join organization g on g.id = o.performer_id
                                     where o.package_id = w.id and g.nation = :nation)""").orElse(""), COLUMNS,
                params, paging, view, PACKAGE_ROWS);
        List<WorkPackage> packages = packages(user, programId, rows.items());
        return new Page<>(packages, paging, rows.total());
    }

    /**
     * The nation facet of a program's packages as given (blank: all): one of the program's partner nations, else a
     * 400 naming them.
     */
    Optional<String> nation(DicasUser user, long programId, String given) {
        return NationFacet.of("nation", given, partners(programs.get(user, programId)));
    }

    /** The program's partner nations, in its order. */
    static List<String> partners(Program p) {
        return targets(p).stream().map(WorkShare.Target::nation).toList();
    }

    private List<WorkPackage> packages(DicasUser user, long programId, List<PackageRow> rows) {
        Map<Long, List<WorkPackage.Option>> options = options(user, rows.stream().map(PackageRow::id).toList());
        return rows.stream().map(r -> new WorkPackage(r.id(), programId, Marking.parse(r.marking()), r.code(),
                r.titleEn(), r.titleJa(), r.controls(), options.getOrDefault(r.id(), List.of()), r.version()))
                .toList();
    }

    /** The options of packages the reader may read; a cost (and its marking) only where the option is readable. */
    private Map<Long, List<WorkPackage.Option>> options(DicasUser user, List<Long> packageIds) {
        Map<Long, List<WorkPackage.Option>> out = new LinkedHashMap<>();
        if (packageIds.isEmpty()) {
            return out;
        }
        readable.query(user, """
                        select o.id, o.package_id, o.performer_id, g.name, g.name_ja, g.nation, ro.version,
                               case when {readable:ro} then o.cost end as cost,
                               case when {readable:ro} then ro.marking end as marking
                        from work_package_option o join record ro on ro.id = o.id
                             join organization g on g.id = o.performer_id
                        where o.package_id in (:ids) order by o.package_id, g.nation desc, g.name, o.id""")
                .param("ids", packageIds)
                .query((rs, n) -> {
                    String marking = rs.getString(9);
                    BigDecimal cost = rs.getBigDecimal(8);
                    out.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new WorkPackage.Option(
                            rs.getLong(1), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6).trim(),
                            cost, marking == null, marking == null ? null : Marking.parse(marking), rs.getLong(7)));
                    return 0;
                }).list();
        return out;
    }

    /** One package of the program, when the reader may read it (not found otherwise). */
    WorkPackage get(DicasUser user, long programId, long packageId) {
        programs.get(user, programId);
        List<PackageRow> rows = readable.query(user, PACKAGES + " and w.id = :id").param("p", programId)
                .param("id", packageId).query(PACKAGE_ROWS).list();
        WorkPackage wp = packages(user, programId, rows).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("work package", packageId));
        audit.read(user, KIND, packageId, wp.marking());
        return wp;
    }

    /** How many packages the program has, whoever may read them (the withheld ones are counted, never shown). */
    private long allPackages(long programId) {
        return jdbc.sql("select count(*) from work_package where program_id = :p").param("p", programId)
                .query(Long.class).single();
    }

    private BigDecimal tolerance(long programId) {
        return jdbc.sql("select tolerance from work_share_setting where program_id = :p").param("p", programId)
                .query(BigDecimal.class).optional().map(BigDecimal::stripTrailingZeros).orElse(DEFAULT_TOLERANCE);
    }

    private static List<WorkShare.Target> targets(Program p) {
        return p.partners().stream().map(x -> new WorkShare.Target(x.nation(), x.costShare().stripTrailingZeros()))
                .toList();
    }

    /** The partners' work-share targets, when every partner has one and they sum to exactly 100; else none. */
    private static List<WorkShare.Target> workShareTargets(Program p) {
        if (p.partners().stream().anyMatch(x -> x.workShare() == null) || p.partners().stream()
                .map(Program.Partner::workShare).reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(BigDecimal.valueOf(100)) != 0) {
            return List.of();
        }
        return p.partners().stream().map(x -> new WorkShare.Target(x.nation(), x.workShare().stripTrailingZeros()))
                .toList();
    }

    private List<WorkShare.Release> releases(long programId) {
        return jdbc.sql("select control, nations from work_share_release where program_id = :p order by position")
                .param("p", programId)
                .query((rs, n) -> new WorkShare.Release(rs.getString(1), strings(rs.getArray(2)))).list();
    }

    /**
     * The whole balancing problem of the program — every package and every option's cost, whoever may read them:
     * the balance is the program's, not one reader's; what each reader sees of the result is filtered by
     * {@link WorkShareBalancing}. Package ids are codes, performers organization ids. Controls no release lists are
     * released to no nation.
     */
    WorkShareProblem problem(WorkShare shown, List<WorkShare.Target> targets, BigDecimal tolerance) {
        long programId = shown.id();
        record Row(long packageId, String code, String title, List<String> controls, Long performerId, String nation,
                   BigDecimal cost) {
        }
        List<Row> rows = readable.everyRecord("""
                        select w.id, w.code, coalesce(nullif(w.title_en, ''), w.title_ja), w.controls, o.performer_id,
                               g.nation, o.cost
                        from work_package w join record r on r.id = w.id
                             left join work_package_option o on o.package_id = w.id
                             left join organization g on g.id = o.performer_id
                        where w.program_id = :p and {everyRecord:r} order by w.code, o.id""",
                        "the balance needs every package and cost of the program; each reader sees it filtered")
                .param("p", programId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
                        (Long) rs.getObject(5), rs.getString(6) == null ? null : rs.getString(6).trim(),
                        rs.getBigDecimal(7))).list();
        Map<Long, List<Row>> byPackage = new LinkedHashMap<>();
        rows.forEach(r -> byPackage.computeIfAbsent(r.packageId(), k -> new ArrayList<>()).add(r));
        List<WorkShareProblem.WorkPackage> packages = new ArrayList<>();
        Set<String> controls = new java.util.TreeSet<>();
        Set<String> partners = new HashSet<>(shown.targets().stream().map(WorkShare.Target::nation).toList());
        byPackage.values().forEach(rs -> {
            Row first = rs.get(0);
            controls.addAll(first.controls());
            // a firm of a nation that is no longer a partner cannot perform the program's work
            packages.add(new WorkShareProblem.WorkPackage(first.code(), first.title(), first.controls(),
                    rs.stream().filter(r -> r.performerId() != null && partners.contains(r.nation()))
                            .map(r -> new WorkShareProblem.Option(String.valueOf(r.performerId()), r.nation(),
                                    r.cost().stripTrailingZeros())).toList()));
        });
        List<WorkShareProblem.Release> releases = new ArrayList<>();
        for (WorkShare.Release r : shown.releases()) {
            releases.add(new WorkShareProblem.Release(r.control(),
                    r.nations().stream().filter(partners::contains).toList()));
            controls.remove(r.control());
        }
        controls.forEach(c -> releases.add(new WorkShareProblem.Release(c, List.of())));
        return new WorkShareProblem(targets.stream()
                .map(t -> new WorkShareProblem.Nation(t.nation(), t.share())).toList(), tolerance, packages, releases,
                List.of());
    }

    // ----------------------------------------------------------------------------------------------- writes

    /** Adds a work package to a program the author may read. */
    @Transactional
    WorkPackage create(DicasUser author, long programId, PackageCommand c) {
        Program p = programs.find(programId, author).orElseThrow(() -> new NotFoundException("program", programId));
        WorkShareWriteRules.editWorkPackages(author).orThrow();
        validate(c);
        if (codeTaken(programId, c.code(), 0)) {
            throw InvalidInputException.of("code", "workShare.error.codeTaken", c.code());
        }
        long id = records.register(KIND, title(c), searchText(c), Marking.required(c.marking()), Optional.empty(),
                author, i -> "/programs/" + programId + "#work-package-" + i);
        records.placeIn(id, p.id());
        jdbc.sql("""
                        insert into work_package (id, program_id, code, title_en, title_ja, controls)
                        values (:id, :p, :code, :en, :ja, cast(:controls as text[]))""")
                .param("id", id).param("p", programId).param("code", c.code()).param("en", c.titleEn())
                .param("ja", c.titleJa()).param("controls", textArray(c.controls())).update();
        return get(author, programId, id);
    }

    /** Changes a package the editor may read, made against version {@code expected}. */
    @Transactional
    WorkPackage update(DicasUser editor, long programId, long packageId, ExpectedVersion expected, PackageCommand c) {
        get(editor, programId, packageId);
        WorkShareWriteRules.editWorkPackages(editor).orThrow();
        validate(c);
        if (codeTaken(programId, c.code(), packageId)) {
            throw InvalidInputException.of("code", "workShare.error.codeTaken", c.code());
        }
        records.update(packageId, expected, title(c), searchText(c), Marking.required(c.marking()), Optional.empty(),
                editor);
        jdbc.sql("""
                        update work_package set code = :code, title_en = :en, title_ja = :ja,
                               controls = cast(:controls as text[]) where id = :id""")
                .param("id", packageId).param("code", c.code()).param("en", c.titleEn()).param("ja", c.titleJa())
                .param("controls", textArray(c.controls())).update();
        return get(editor, programId, packageId);
    }

    /** Removes a package (and its options) the editor may read; its record stays, emptied, for the audit trail. */
    @Transactional
    void delete(DicasUser editor, long programId, long packageId, ExpectedVersion expected) {
        WorkPackage wp = get(editor, programId, packageId);
        WorkShareWriteRules.editWorkPackages(editor).orThrow();
        RecordTitles.Composed removed = RecordTitles.Composed.of(Sentence.of("workShare.package.removedTitle", wp.code()));
        records.deleted(packageId, expected, removed.english(), editor);
        titles.composed(packageId, removed);
        // its options leave search with it (their records stay, emptied, for the audit trail)
        for (long option : jdbc.sql("select id from work_package_option where package_id = :p").param("p", packageId)
                .query(Long.class).list()) {
            withdrawn(option, new ExpectedVersion(records.version(option)), editor);
        }
        jdbc.sql("delete from work_package where id = :id").param("id", packageId).update();
    }

    /** Adds a firm's option to a package the author may read. */
    @Transactional
    WorkPackage.Option addOption(DicasUser author, long programId, long packageId, OptionCommand c) {
        WorkShare ws = workShare(author, programId);
        WorkPackage wp = ws.packages().stream().filter(p -> p.id() == packageId).findFirst()
                .orElseThrow(() -> new NotFoundException("work package", packageId));
        Directory.Organization firm = performer(c, ws);
        WorkShareWriteRules.editOption(author, firm.id()).orThrow();
        if (wp.options().stream().anyMatch(o -> o.performerId() == firm.id())) {
            throw InvalidInputException.of("performerId", "workShare.error.optionTaken", firm.name(), wp.code());
        }
        BigDecimal cost = cost(c.cost());
        Marking marking = optionMarking(c.marking(), ws);
        RecordTitles.Composed title = RecordTitles.Composed.each(lang -> Sentence.of("workShare.option.title", wp.code(),
                lang.equals("ja") && firm.nameJa() != null && !firm.nameJa().isBlank() ? firm.nameJa() : firm.name()));
        long id = records.register(OPTION_KIND, title.english(), wp.code() + "\n" + firm.name(),
                marking, Optional.of(firm.id()), author, i -> "/programs/" + programId + "#work-package-" + packageId);
        titles.composed(id, title);
        records.placeIn(id, packageId);
        jdbc.sql("insert into work_package_option (id, package_id, performer_id, cost) values (:id, :p, :f, :c)")
                .param("id", id).param("p", packageId).param("f", firm.id()).param("c", cost).update();
        return option(author, programId, packageId, id);
    }

    /** Changes the cost (and its marking) of an option the editor may read, against version {@code expected}. */
    @Transactional
    WorkPackage.Option updateOption(DicasUser editor, long programId, long packageId, long optionId,
                                    ExpectedVersion expected, OptionCommand c) {
        WorkShare ws = workShare(editor, programId);
        WorkPackage.Option o = option(editor, programId, packageId, optionId);
        WorkShareWriteRules.editOption(editor, o.performerId()).orThrow();
        if (c.performerId() != null && c.performerId() != o.performerId()) {
            throw InvalidInputException.of("performerId", "workShare.error.firmFixed");
        }
        BigDecimal cost = cost(c.cost());
        Marking marking = optionMarking(c.marking(), ws);
        records.update(optionId, expected, records.summary(optionId).map(s -> s.title()).orElse(""),
                records.summary(optionId).map(s -> s.title()).orElse(""), marking, Optional.of(o.performerId()),
                editor);
        jdbc.sql("update work_package_option set cost = :c where id = :id").param("c", cost).param("id", optionId)
                .update();
        return option(editor, programId, packageId, optionId);
    }

    /** Withdraws an option the editor may read, against version {@code expected}. */
    @Transactional
    void deleteOption(DicasUser editor, long programId, long packageId, long optionId, ExpectedVersion expected) {
        WorkPackage.Option o = option(editor, programId, packageId, optionId);
        WorkShareWriteRules.editOption(editor, o.performerId()).orThrow();
        withdrawn(optionId, expected, editor);
        jdbc.sql("delete from work_package_option where id = :id").param("id", optionId).update();
    }

    /** An option's record once withdrawn: its title says so in both languages, its text leaves search. */
    private void withdrawn(long optionId, ExpectedVersion expected, DicasUser editor) {
        RecordTitles.Composed title = RecordTitles.Composed.of(Sentence.of("workShare.option.withdrawnTitle"));
        records.deleted(optionId, expected, title.english(), editor);
        titles.composed(optionId, title);
    }

    /** An option of a readable package whose record (the cost) the user may read; not found otherwise. */
    WorkPackage.Option option(DicasUser user, long programId, long packageId, long optionId) {
        return get(user, programId, packageId).options().stream().filter(o -> o.id() == optionId && !o.costWithheld())
                .findFirst().orElseThrow(() -> new NotFoundException("work-package option", optionId));
    }

    /** Replaces the program's tolerance and releases, against the program's version {@code expected}. */
    @Transactional
    WorkShare updateSettings(DicasUser editor, long programId, ExpectedVersion expected, SettingsCommand c) {
        WorkShare ws = workShare(editor, programId);
        WorkShareWriteRules.editWorkPackages(editor).orThrow();
        BigDecimal tolerance = tolerance(c.tolerance(), "tolerance");
        Set<String> partners = new HashSet<>(ws.targets().stream().map(WorkShare.Target::nation).toList());
        Set<String> seen = new HashSet<>();
        List<WorkShare.Release> releases = new ArrayList<>();
        for (int i = 0; i < c.releases().size(); i++) {
            ReleaseCommand r = c.releases().get(i);
            String field = "releases[" + i + "]";
            String control = r == null || r.control() == null ? "" : r.control().strip();
            if (!CONTROL.matcher(control).matches()) {
                throw InvalidInputException.of(field + ".control", "workShare.error.controlCode", control);
            }
            if (!seen.add(control)) {
                throw InvalidInputException.of(field + ".control", "workShare.error.controlTwice", control);
            }
            List<String> nations = new ArrayList<>();
            for (String n : r.nations() == null ? List.<String>of() : r.nations()) {
                String code = n == null ? "" : n.strip().toUpperCase(Locale.ROOT);
                if (!partners.contains(code)) {
                    throw InvalidInputException.of(field + ".nations", "workShare.error.notPartner", control,
                            n == null ? "" : n);
                }
                if (!nations.contains(code)) {
                    nations.add(code);
                }
            }
            releases.add(new WorkShare.Release(control, nations));
        }
        records.changed(programId, expected);
        jdbc.sql("""
                        insert into work_share_setting (program_id, tolerance) values (:p, :t)
                        on conflict (program_id) do update set tolerance = excluded.tolerance""")
                .param("p", programId).param("t", tolerance).update();
        jdbc.sql("delete from work_share_release where program_id = :p").param("p", programId).update();
        for (int i = 0; i < releases.size(); i++) {
            jdbc.sql("""
                            insert into work_share_release (program_id, control, nations, position)
                            values (:p, :c, cast(:n as text[]), :pos)""")
                    .param("p", programId).param("c", releases.get(i).control())
                    .param("n", textArray(releases.get(i).nations())).param("pos", i).update();
        }
        audit.append(editor, "WORK_SHARE_SETTINGS", programId, Programs.KIND,
                Sentence.of("audit.detail.workShareSettings", tolerance.toPlainString(), releases.size()));
        return workShare(editor, programId);
    }

    // ----------------------------------------------------------------------------------------------- checks

    private void validate(PackageCommand c) {
        if (!CODE.matcher(c.code()).matches()) {
            throw InvalidInputException.of("code", "workShare.error.packageCode", c.code());
        }
        if (c.titleEn().isEmpty() && c.titleJa().isEmpty()) {
            throw InvalidInputException.of("titleEn", "workShare.error.titleRequired");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.controls().size(); i++) {
            String control = c.controls().get(i);
            if (!CONTROL.matcher(control).matches()) {
                throw InvalidInputException.of("controls[" + i + "]", "workShare.error.controlCode", control);
            }
            if (!seen.add(control)) {
                throw InvalidInputException.of("controls[" + i + "]", "workShare.error.controlTwice", control);
            }
        }
    }

    private boolean codeTaken(long programId, String code, long except) {
        return jdbc.sql("select exists (select 1 from work_package where program_id = :p and code = :c and id <> :x)")
                .param("p", programId).param("c", code).param("x", except).query(Boolean.class).single();
    }

    private Directory.Organization performer(OptionCommand c, WorkShare ws) {
        if (c.performerId() == null) {
            throw InvalidInputException.of("performerId", "workShare.error.firmRequired");
        }
        Directory.Organization firm = directory.organization(c.performerId())
                .filter(o -> o.kind() == OrganizationKind.COMPANY)
                .orElseThrow(() -> InvalidInputException.of("performerId", "workShare.error.noFirm", c.performerId()));
        if (ws.targets().stream().noneMatch(t -> t.nation().equals(firm.nation().trim()))) {
            throw InvalidInputException.of("performerId", "workShare.error.firmNotPartner", firm.name(),
                    Sentence.nation(firm.nation().trim()));
        }
        return firm;
    }

    private static BigDecimal cost(BigDecimal cost) {
        if (cost == null) {
            throw InvalidInputException.of("cost", "workShare.error.costRequired");
        }
        if (cost.signum() < 0) {
            throw InvalidInputException.of("cost", "workShare.error.costNegative", cost.toPlainString());
        }
        if (cost.stripTrailingZeros().scale() > 2) {
            throw InvalidInputException.of("cost", "workShare.error.decimals", cost.toPlainString());
        }
        if (cost.compareTo(MAX_COST) > 0) {
            throw InvalidInputException.of("cost", "workShare.error.costTooLarge", MAX_COST.toPlainString());
        }
        return cost;
    }

    static BigDecimal tolerance(BigDecimal t, String field) {
        if (t == null) {
            throw InvalidInputException.of(field, "workShare.error.toleranceRequired");
        }
        if (t.signum() < 0 || t.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw InvalidInputException.of(field, "workShare.error.toleranceRange", t.toPlainString());
        }
        if (t.stripTrailingZeros().scale() > 2) {
            throw InvalidInputException.of(field, "workShare.error.decimals", t.toPlainString());
        }
        return t.stripTrailingZeros();
    }

    /** The option's marking: as given, or CUI released to the program's partners; it must carry PROPIN. */
    static Marking optionMarking(String banner, WorkShare ws) {
        String b = banner == null || banner.isBlank() ? defaultOptionMarking(ws) : banner.strip();
        Marking m = Marking.required(b);
        if (!m.propin()) {
            throw InvalidInputException.of("marking", "workShare.error.optionPropin", defaultOptionMarking(ws));
        }
        return m;
    }

    /** {@code CUI//REL TO <partners>//PROPIN}: the partners' governments and the firm read it, competitors do not. */
    static String defaultOptionMarking(WorkShare ws) {
        return defaultOptionMarking(ws.targets());
    }

    static String defaultOptionMarking(List<WorkShare.Target> targets) {
        List<String> nations = targets.stream().map(WorkShare.Target::nation).toList();
        return "CUI//REL TO " + String.join(", ", nations) + "//PROPIN";
    }

    private static String title(PackageCommand c) {
        return c.code() + " — " + (c.titleEn().isEmpty() ? c.titleJa() : c.titleEn());
    }

    private static String searchText(PackageCommand c) {
        return String.join("\n", c.code(), c.titleEn(), c.titleJa(), String.join(" ", c.controls()));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }

    static String textArray(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"").toList()) + "}";
    }
}
