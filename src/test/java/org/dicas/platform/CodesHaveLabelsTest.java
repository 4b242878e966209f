package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Codes shown to people are shown by their labels (issue 14, item 3): every value of every enum of the platform has
 * a label in English and in Japanese, so are the audit log's actions and the nations of the reference data. A new
 * enum fails {@link #everyEnumIsLabelledOrExcludedForAReason} until it is given its label prefix in {@link #LABELS}
 * or a reason in {@link #NOT_SHOWN}; a value without its key fails {@link #everyValueOfALabelledEnumHasALabel}.
 */
class CodesHaveLabelsTest {

    /** The key of a value's label: {@code prefix + VALUE}. */
    static Function<Enum<?>, String> upper(String prefix) {
        return v -> prefix + v.name();
    }

    /** The key of a value's label where the module writes it in lower case: {@code prefix + value}. */
    static Function<Enum<?>, String> lower(String prefix) {
        return v -> prefix + v.name().toLowerCase(Locale.ROOT);
    }

    /** Every enum shown to people, by binary class name, and the key of each value's label. */
    static final Map<String, Function<Enum<?>, String>> LABELS = Map.ofEntries(
            // shared kernel and security
            Map.entry("org.dicas.disclosure.DisclosureRequest$Outcome", upper("disclosure.outcome.")),
            Map.entry("org.dicas.shared.AccessLevel", upper("accessLevel.")),
            Map.entry("org.dicas.shared.ExportControl$Regime", upper("exportRegime.")),
            Map.entry("org.dicas.shared.FiscalYear$Convention", upper("acqplan.convention.")),
            Map.entry("org.dicas.security.Role", upper("role.")),
            Map.entry("org.dicas.security.OrganizationKind", upper("organization.kind.")),
            Map.entry("org.dicas.security.ExportAuthorization$Kind", upper("authorization.kind.")),
            Map.entry("org.dicas.security.internal.MarkingPicker$Release", upper("marking.picker.release.")),
            Map.entry("org.dicas.search.text.Language", lower("lang.")),
            // forum
            Map.entry("org.dicas.forum.WorkingGroup$Status", upper("wg.status.")),
            Map.entry("org.dicas.forum.Meeting$Kind", upper("meeting.kind.")),
            Map.entry("org.dicas.forum.ActionItem$Status", upper("action.status.")),
            Map.entry("org.dicas.forum.DocumentDiff$Change", upper("document.diff.change.")),
            // notifications
            Map.entry("org.dicas.notifications.internal.MailFrequency", upper("mail.frequency.")),
            Map.entry("org.dicas.notifications.Notifications$State", upper("lista.notifications.state.")),
            // disclosure and SoSA
            Map.entry("org.dicas.disclosure.DisclosureRequest$Status", upper("disclosure.status.")),
            Map.entry("org.dicas.sosa.SosaRequest$Status", upper("sosa.status.")),
            Map.entry("org.dicas.sosa.SosaRequest$Response", upper("sosa.response.")),
            Map.entry("org.dicas.sosa.SosaRequest$Action", lower("sosa.")), // the buttons: sosa.acknowledge …
            // programs and work share
            Map.entry("org.dicas.programs.Program$Type", upper("prog.type.")),
            Map.entry("org.dicas.programs.Program$Status", upper("prog.status.")),
            Map.entry("org.dicas.programs.Agreement$Type", upper("agr.type.")),
            Map.entry("org.dicas.programs.engine.WorkShareSplit$Status", upper("workShare.solver.")),
            Map.entry("org.dicas.programs.engine.WorkShareSplit$Infeasibility$Reason", upper("workShare.infeasible.")),
            Map.entry("org.dicas.programs.internal.WorkShareWhatIf$Kind", upper("workShare.whatIf.")),
            Map.entry("org.dicas.programs.internal.BalanceView$Targets", upper("workShare.targets.")),
            // requirements, opportunities and leads
            Map.entry("org.dicas.requirements.RequirementStatus", upper("requirement.status.")),
            Map.entry("org.dicas.requirements.OpportunityStage", upper("opp.stage.")),
            Map.entry("org.dicas.requirements.LeadSource", upper("lead.source.")),
            Map.entry("org.dicas.requirements.Lead$Origin", upper("lead.origin.")),
            Map.entry("org.dicas.requirements.JudgmentReason", upper("opp.judgment.reason.")),
            Map.entry("org.dicas.requirements.PairJudgment$Verdict", upper("opp.judgment.verdict.")),
            // co-production
            Map.entry("org.dicas.coproduction.CoproductionPlan$TransferState", lower("coproduction.transfer.state.")),
            Map.entry("org.dicas.coproduction.WhatIf$Kind", lower("coproduction.whatIf.")),
            Map.entry("org.dicas.coproduction.engine.ProductionPlan$Status", upper("coproduction.solver.")),
            Map.entry("org.dicas.coproduction.engine.ProductionPlan$Kind", upper("coproduction.kind.")),
            Map.entry("org.dicas.coproduction.engine.ProductionPlan$Objective", upper("coproduction.objective.")),
            // sustainment
            Map.entry("org.dicas.sustainment.engine.ResourceKind", upper("sus.kind.")),
            Map.entry("org.dicas.sustainment.RepairEligibility$Exclusion", upper("sus.elig.reason.")),
            Map.entry("org.dicas.sustainment.ForeignRepairRule$AssetType", upper("sus.assetType.")));

    /** Enums that never reach a person as a code, each with the reason. */
    static final Map<String, String> NOT_SHOWN = Map.of(
            "org.dicas.coproduction.engine.CoproductionPlanner$Backend",
            "solver back-end ids (SCIP, CBC, CP_SAT): product names, chosen on the command line",
            "org.dicas.sustainment.engine.RepairSolvers$Engines",
            "solver engine ids (TIMEFOLD, COMBINED): product names, chosen on the command line and in settings",
            "org.dicas.sustainment.engine.Schedule$Status",
            "reaches people only as a plan's proven-optimal flag, which has its own label",
            "org.dicas.search.internal.SearchIndexer$Start",
            "how the search index started (caught up, built, rebuilt): written to the log only",
            "org.dicas.search.text.Glossary$Role",
            "part of speech of a glossary term inside the query analyser; never shown",
            "org.dicas.requirements.engine.Profiles$NeedKind",
            "finder-internal features of a requirement's text; the explanation names the shared words, not these",
            "org.dicas.requirements.engine.Profiles$NeedForm",
            "finder-internal features of a requirement's text; the explanation names the shared words, not these",
            "org.dicas.platform.HandlerLookup$LiteralSegmentsFirst$Kind",
            "what a segment of a path pattern matches inside the request mapping's look-up; never shown");

    static List<String> enumsOfThePlatform() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dicas").stream().filter(JavaClass::isEnum)
                // an enum constant with a body compiles to an anonymous subclass, itself flagged as an enum
                .filter(c -> !c.getName().matches(".*\\$\\d+"))
                .map(JavaClass::getName).sorted().toList();
    }

    static Properties bundle(String name) throws IOException {
        return MessagesTest.bundle(name);
    }

    @Test
    void everyEnumIsLabelledOrExcludedForAReason() {
        List<String> enums = enumsOfThePlatform();
        assertThat(enums).as("the scan finds the platform's enums").contains("org.dicas.security.Role",
                "org.dicas.shared.AccessLevel");
        List<String> unclassified = enums.stream()
                .filter(e -> !LABELS.containsKey(e) && !NOT_SHOWN.containsKey(e)).toList();
        assertThat(unclassified).as("enums with neither a label prefix nor a reason they are never shown").isEmpty();
        Set<String> stale = new TreeSet<>(LABELS.keySet());
        stale.addAll(NOT_SHOWN.keySet());
        stale.removeAll(enums);
        assertThat(stale).as("rows for enums that no longer exist").isEmpty();
        assertThat(NOT_SHOWN.keySet()).as("an enum is either labelled or excluded").doesNotContainAnyElementsOf(
                LABELS.keySet());
    }

    @Test
    void everyValueOfALabelledEnumHasALabel() throws Exception {
        Properties en = bundle("messages.properties");
        Properties ja = bundle("messages_ja.properties");
        List<String> missing = new ArrayList<>();
        for (var row : LABELS.entrySet()) {
            Class<?> type = Class.forName(row.getKey(), false, getClass().getClassLoader());
            for (Object value : type.getEnumConstants()) {
                String key = row.getValue().apply((Enum<?>) value);
                check(key, en, ja, missing);
            }
        }
        assertThat(missing).as("enum values without a label").isEmpty();
    }

    /** The actions the code writes to the audit log, as {@code append(actor, "ACTION", …)} or a choice of two. */
    static final Pattern AUDIT_APPEND = Pattern.compile(
            "\\.append\\((?:[^,;()\"]|\\([^()]*\\))+,\\s*(?:[^;\"]*\\?\\s*)?\"([A-Z][A-Z_]+)\"(?:\\s*:\\s*\"([A-Z][A-Z_]+)\")?");

    @Test
    void everyAuditActionHasALabel() throws IOException {
        Set<String> actions = new TreeSet<>(Set.of("READ")); // AuditReads.ACTION, written by the read batcher
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path java : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = AUDIT_APPEND.matcher(Files.readString(java));
                while (m.find()) {
                    actions.add(m.group(1));
                    if (m.group(2) != null) {
                        actions.add(m.group(2));
                    }
                }
            }
        }
        assertThat(actions).as("the scan finds the audit actions").contains("SIGN_IN", "SIGN_IN_FAILED",
                "USER_ENABLED", "USER_DISABLED", "CREATE", "RELEASE_APPROVED");
        Properties en = bundle("messages.properties");
        Properties ja = bundle("messages_ja.properties");
        List<String> missing = new ArrayList<>();
        actions.forEach(a -> check("audit.action." + a, en, ja, missing));
        assertThat(missing).as("audit actions without a label").isEmpty();
    }

    /** Nations of the reference data (V3) all have their one name in each language (米国, 日本, 豪州 …). */
    @Test
    void everyNationOfTheReferenceDataHasALabel() throws IOException {
        String seed = Files.readString(Path.of("src/main/resources/db/migration/V3__reference_data.sql"));
        String nations = seed.substring(seed.indexOf("insert into nation"), seed.indexOf(';', seed.indexOf("insert into nation")));
        Matcher m = Pattern.compile("\\('([A-Z]{3})'").matcher(nations);
        Properties en = bundle("messages.properties");
        Properties ja = bundle("messages_ja.properties");
        List<String> missing = new ArrayList<>();
        int count = 0;
        while (m.find()) {
            check("nation." + m.group(1), en, ja, missing);
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(12);
        assertThat(missing).isEmpty();
        assertThat(ja.getProperty("nation.USA")).isEqualTo("米国");
        assertThat(ja.getProperty("nation.AUS")).isEqualTo("豪州");
        assertThat(ja.getProperty("nation.GBR")).isEqualTo("英国");
    }

    /**
     * The nation table (V3, with later updates of {@code name_ja}/{@code name_en}) names each nation exactly as its
     * label does, so a page reading the table and a page rendering {@code nation.*} agree.
     */
    @Test
    void theNationTableNamesEachNationAsItsLabelDoes() throws IOException {
        Path migrations = Path.of("src/main/resources/db/migration");
        String seed = Files.readString(migrations.resolve("V3__reference_data.sql"));
        String rows = seed.substring(seed.indexOf("insert into nation"), seed.indexOf(';', seed.indexOf("insert into nation")));
        Map<String, String[]> names = new java.util.TreeMap<>();
        Matcher row = Pattern.compile("\\('([A-Z]{3})', '([^']*)', '([^']*)'\\)").matcher(rows);
        while (row.find()) {
            names.put(row.group(1), new String[] {row.group(2), row.group(3)});
        }
        Pattern update = Pattern.compile("update nation set name_(en|ja) = '([^']*)' where code = '([A-Z]{3})'");
        List<Path> later;
        try (Stream<Path> s = Files.list(migrations)) {
            later = s.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(java.util.Comparator.comparingInt(f -> Integer.parseInt(
                            f.getFileName().toString().substring(1, f.getFileName().toString().indexOf("__")))))
                    .toList();
        }
        for (Path f : later) {
            Matcher u = update.matcher(Files.readString(f));
            while (u.find()) {
                names.get(u.group(3))[u.group(1).equals("en") ? 0 : 1] = u.group(2);
            }
        }
        Properties en = bundle("messages.properties");
        Properties ja = bundle("messages_ja.properties");
        List<String> differ = new ArrayList<>();
        names.forEach((code, n) -> {
            if (!n[0].equals(en.getProperty("nation." + code))) {
                differ.add(code + " en: table '" + n[0] + "', label '" + en.getProperty("nation." + code) + "'");
            }
            if (!n[1].equals(ja.getProperty("nation." + code))) {
                differ.add(code + " ja: table '" + n[1] + "', label '" + ja.getProperty("nation." + code) + "'");
            }
        });
        assertThat(names).hasSizeGreaterThanOrEqualTo(12);
        assertThat(differ).isEmpty();
    }

    /** The time zones a meeting may be held in are shown by name (東京（日本標準時）), not as IANA ids. */
    @Test
    void everyMeetingTimeZoneHasALabel() throws Exception {
        var field = Class.forName("org.dicas.forum.web.MeetingPages").getDeclaredField("ZONES");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> zones = (List<String>) field.get(null);
        assertThat(zones).contains("Asia/Tokyo", "America/New_York");
        Properties en = bundle("messages.properties");
        Properties ja = bundle("messages_ja.properties");
        List<String> missing = new ArrayList<>();
        zones.forEach(z -> check(org.dicas.shared.TimeZones.label(java.time.ZoneId.of(z)).key(), en, ja, missing));
        assertThat(missing).isEmpty();
    }

    private static void check(String key, Properties en, Properties ja, List<String> missing) {
        if (!en.containsKey(key)) {
            missing.add("en:" + key);
        }
        if (!ja.containsKey(key)) {
            missing.add("ja:" + key);
        }
    }

    @Test
    void theChecksCatchAMissingLabelAndAnUnknownAuditAction() {
        List<String> missing = new ArrayList<>();
        Properties en = new Properties();
        en.setProperty("role.ADMIN", "Administrator");
        check("role.ADMIN", en, new Properties(), missing);
        assertThat(missing).containsExactly("ja:role.ADMIN");
        Matcher m = AUDIT_APPEND.matcher("audit.append(admin, enabled ? \"USER_ENABLED\" : \"USER_DISABLED\", null)");
        assertThat(m.find()).isTrue();
        assertThat(List.of(m.group(1), m.group(2))).containsExactly("USER_ENABLED", "USER_DISABLED");
        Matcher n = AUDIT_APPEND.matcher("audit.append(event.getAuthentication().getName(), \"SIGN_IN\", null");
        assertThat(n.find() && n.group(1).equals("SIGN_IN")).isTrue();
    }
}
