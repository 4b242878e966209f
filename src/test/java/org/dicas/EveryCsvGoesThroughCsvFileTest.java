package org.dicas;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dicas.platform.CsvFile;
import org.dicas.security.AuditLog;
import org.dicas.shared.Paging;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every CSV the platform writes is one {@link CsvFile}: a UTF-8 byte-order mark (Excel on Japanese Windows), the
 * banner as its first and last line (and in {@code X-DICAS-Marking}), a name in the reader's language beside the
 * English one (RFC 6266 {@code filename*}), and an {@code EXPORTED} audit entry naming the banner it carries — the
 * older exports (work share, co-production run, repair plan, single points of failure) included. A structural check
 * fails when a controller serves a {@code .csv} without going through {@link CsvFile#download}.
 */
@PlatformTest
class EveryCsvGoesThroughCsvFileTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    /** One export as a Japanese reader downloads it: file and audit entry checked; returns the lines between. */
    List<String> exportedInJapanese(String user, String path, Long recordId, String englishName, String japaneseName) {
        return exportedInJapanese(port, audit, user, path, recordId, englishName, japaneseName);
    }

    /**
     * One export as a Japanese reader downloads it (a list's export: {@code recordId} null): the byte-order mark, the
     * banner first and last and in {@code X-DICAS-Marking}, the names, the {@code EXPORTED} entry naming the banner;
     * returns the lines between the banners.
     */
    static List<String> exportedInJapanese(int port, AuditLog audit, String user, String path, Long recordId,
                                           String englishName, String japaneseName) {
        AuditLog.Filter mine = new AuditLog.Filter(user, AuditLog.EXPORTED, recordId, null, null);
        long before = audit.entries(mine, Paging.FIRST, Locale.ENGLISH).total();
        Http ja = new Http(port).inLanguage("ja").signIn(user, "demo");
        Http.Response csv = ja.get(path, null);
        assertThat(csv.status()).as(path + ": " + csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).as(path).startsWith("text/csv").containsIgnoringCase("UTF-8");
        assertThat(csv.body()).as(path + " starts with a byte-order mark").startsWith(CsvFile.BOM);
        List<String> lines = csv.body().substring(1).lines().toList();
        String banner = csv.header("X-DICAS-Marking");
        assertThat(banner).as(path).isNotBlank();
        assertThat(lines.get(0).replace("\"", "")).as(path + ": the banner first").isEqualTo(banner);
        assertThat(lines.get(lines.size() - 1).replace("\"", "")).as(path + ": and last").isEqualTo(banner);

        String disposition = csv.header("Content-Disposition");
        assertThat(disposition).as(path).startsWith("attachment; filename=\"" + englishName + "\"")
                .contains("filename*=UTF-8''");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).as(path).isEqualTo(japaneseName);

        var exports = audit.entries(mine, Paging.FIRST, Locale.ENGLISH);
        assertThat(exports.total()).as(path + " is audited").isEqualTo(before + 1);
        assertThat(exports.items().get(0).detail()).as(path).endsWith(", marked " + banner);
        return lines.subList(1, lines.size() - 1);
    }

    @Test
    void theWorkShareExportIsNamedInTheReadersLanguageCarriesItsBannerAndIsAudited() {
        Http http = new Http(port);
        String us = http.token("us.acq", "demo");
        long gpi = -1;
        for (JsonNode p : http.all("/api/v1/programs", us)) {
            if (p.get("nameEn").asString().startsWith("Glide Phase Interceptor")) {
                gpi = p.get("id").asLong();
            }
        }
        assertThat(gpi).as("the demo GPI program").isPositive();
        List<String> rows = exportedInJapanese("jp.atla", "/programs/" + gpi + "/work-share.csv", gpi,
                "work-share-" + gpi + ".csv", "作業分担-" + gpi + ".csv");
        assertThat(rows.get(0)).isEqualTo("作業パッケージ,名称,企業,国,費用,目標（%）,割合（%）,状態");
        assertThat(String.join("\n", rows)).contains("WP-04");
    }

    @Test
    void theCoproductionRunExportIsNamedInTheReadersLanguageCarriesItsBannerAndIsAudited() {
        Http http = new Http(port);
        String acq = http.token("us.acq", "demo");
        Http.Response made = http.post("/api/v1/coproduction/plans", acq, Map.of("name", "CSV export plan",
                "marking", "CUI//REL TO USA, JPN", "firstYear", 2027, "periods", 2,
                "lines", List.of(Map.of("code", "L1", "nation", "USA", "product", "P", "capacity", List.of(5, 5),
                        "unitCost", 1))));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long plan = made.json().get("id").asLong();
        Http.Response started = http.post("/api/v1/coproduction/plans/" + plan + "/runs", acq, Map.of("seconds", 1));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long run = started.json().get("id").asLong();
        List<String> rows = exportedInJapanese("us.acq", "/coproduction/" + plan + "/runs/" + run + "/run.csv", plan,
                "co-production-run-" + run + ".csv", "共同生産実行-" + run + ".csv");
        assertThat(rows.get(0)).startsWith("国,");
    }

    @Test
    void theRepairPlanExportIsNamedInTheReadersLanguageCarriesItsBannerAndIsAudited() {
        Http http = new Http(port);
        String navy = http.token("us.navy", "demo");
        int year = LocalDate.now().getYear() + 1;
        Http.Response started = http.post("/api/v1/sustainment/plans", navy, Map.of("horizonStart",
                LocalDate.of(year, 1, 1).toString(), "horizonEnd", LocalDate.of(year, 12, 31).toString(), "seconds", 1));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long plan = started.json().get("id").asLong();
        List<String> rows = exportedInJapanese("us.navy", "/sustainment/plans/" + plan + "/plan.csv", plan,
                "repair-plan-" + plan + ".csv", "修理計画-" + plan + ".csv");
        assertThat(rows.get(0)).isEqualTo("案件,対象装備,優先度,施設,設備,開始日,終了日,遅延日数,固定,区分表示");
    }

    @Test
    void theSinglePointsOfFailureExportIsNamedInTheReadersLanguageCarriesItsBannerAndIsAudited() {
        long network = jdbc.sql("select id from supply_network where program = 'Missile co-production' order by version"
                + " limit 1").query(Long.class).single();
        List<String> rows = exportedInJapanese("us.acq", "/supply-chain/networks/" + network
                + "/single-points-of-failure.csv", network, "single-points-of-failure-" + network + ".csv",
                "単一障害点-" + network + ".csv");
        assertThat(String.join("\n", rows)).contains("AP-US-1");

        AuditLog.Filter mine = new AuditLog.Filter("us.acq", AuditLog.EXPORTED, network, null, null);
        long before = audit.entries(mine, Paging.FIRST, Locale.ENGLISH).total();
        var xlsx = new Http(port).inLanguage("ja").signIn("us.acq", "demo")
                .get("/supply-chain/networks/" + network + "/single-points-of-failure.xlsx", null);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Disposition")).contains("filename*=UTF-8''");
        assertThat(audit.entries(mine, Paging.FIRST, Locale.ENGLISH).total()).as("the Excel file too is audited")
                .isEqualTo(before + 1);
    }

    @Test
    void theRepairJobsFacilitiesAndAuthorizationsExportsAreNamedInTheReadersLanguageCarryTheirBannerAndAreAudited() {
        assertThat(exportedInJapanese("us.navy", "/sustainment/jobs/export.csv", null, "repair-jobs.csv",
                "修理案件.csv").get(0)).isEqualTo("番号,区分表示,コード,対象装備,旗国,優先度,最早開始日,期限,期間（日）,他国での修理,固定先");
        assertThat(exportedInJapanese("us.navy", "/sustainment/facilities/export.csv", null,
                "repair-facilities.csv", "修理施設.csv").get(0)).isEqualTo("番号,区分表示,コード,名称,国,設備,認証");
        assertThat(exportedInJapanese("us.fdo", "/authorizations/export.csv", null, "export-authorizations.csv",
                "輸出許可.csv").get(0)).isEqualTo("番号,許可番号,種別,規制制度,対象国,有効期間開始日,有効期間終了日,状態,備考");
    }

    /** Every handler that serves a {@code .csv} path writes it with {@link CsvFile#download}, nothing else. */
    @Test
    void everyControllerThatServesACsvWritesItThroughCsvFile() {
        List<String> csvHandlers = new ArrayList<>();
        List<String> bypassing = new ArrayList<>();
        for (JavaClass c : ArchitectureTest.CLASSES) {
            for (JavaMethod m : c.getMethods()) {
                List<String> paths = new ArrayList<>();
                m.tryGetAnnotationOfType(GetMapping.class).ifPresent(g ->
                        Stream.concat(Stream.of(g.value()), Stream.of(g.path())).forEach(paths::add));
                m.tryGetAnnotationOfType(RequestMapping.class).ifPresent(g ->
                        Stream.concat(Stream.of(g.value()), Stream.of(g.path())).forEach(paths::add));
                if (paths.stream().noneMatch(p -> p.endsWith(".csv"))) {
                    continue;
                }
                csvHandlers.add(m.getFullName());
                boolean downloads = m.getMethodCallsFromSelf().stream().anyMatch(call ->
                        call.getTargetOwner().isEquivalentTo(CsvFile.class) && call.getName().equals("download"));
                if (!downloads) {
                    bypassing.add(m.getFullName());
                }
            }
        }
        assertThat(csvHandlers).as("the CSV exports found").hasSizeGreaterThanOrEqualTo(9);
        assertThat(bypassing).as("handlers serving .csv without CsvFile.download").isEmpty();

        List<String> ownResponses = new ArrayList<>();
        for (JavaClass c : ArchitectureTest.CLASSES) {
            if (c.isEquivalentTo(CsvFile.class)) {
                continue;
            }
            c.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getTargetOwner().isEquivalentTo(CsvFile.class)
                            && call.getName().equals("content"))
                    .forEach(call -> ownResponses.add(call.getOrigin().getFullName()));
        }
        assertThat(ownResponses).as("a CSV's content sent in a response of its own (name, audit and headers missed)")
                .isEmpty();
    }
}
