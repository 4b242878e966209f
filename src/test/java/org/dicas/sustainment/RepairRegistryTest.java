package org.dicas.sustainment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dicas.sustainment.RepairBodies.facility;
import static org.dicas.sustainment.RepairBodies.job;
import static org.dicas.sustainment.RepairBodies.with;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.dicas.PlatformTest;
import org.dicas.security.Directory;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The sustainment registry over real HTTP and the real PostgreSQL: facilities and jobs through the API, validation
 * naming the field and saving nothing, releasability (REL TO and PROPIN), the foreign-repair rule's derivation,
 * pin/unpin, the demo data and the pages.
 */
@PlatformTest
class RepairRegistryTest {

    static final String FAC = "/api/v1/sustainment/facilities";
    static final String JOBS = "/api/v1/sustainment/jobs";
    static final String REL = "CUI//REL TO USA, JPN";
    static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;

    Http http;
    String atla;
    String navy;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        atla = Tokens.of(port, "jp.atla");
        navy = Tokens.of(port, "us.navy");
    }

    static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet() + "-" + (System.nanoTime() % 100000);
    }

    JsonNode created(String path, String token, Map<String, Object> body) {
        Http.Response r = http.post(path, token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    long count(String table, String code) {
        return jdbc.sql("select count(*) from " + table + " where code = :c").param("c", code).query(Long.class).single();
    }

    void refused(String path, String token, Map<String, Object> body, String field, String table, String code) {
        Http.Response r = http.post(path, token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(field);
        assertThat(count(table, code)).as("nothing saved for " + field).isZero();
    }

    // ------------------------------------------------------------------------------------------ facilities

    @Test
    void aGovernmentUserRegistersReadsAndChangesAFacility() {
        String code = unique("TF");
        JsonNode f = created(FAC, atla, facility(code, REL));
        long id = f.get("id").asLong();
        assertThat(f.get("marking").asString()).isEqualTo(REL);
        assertThat(f.get("resources")).hasSize(2);
        assertThat(f.get("closedPeriods").get(0).get("end").asString()).isEqualTo("2027-05-05");

        Http.Response asNavy = http.get(FAC + "/" + id, navy);
        assertThat(asNavy.status()).isEqualTo(200);
        assertThat(asNavy.json().get("code").asString()).isEqualTo(code);
        assertThat(http.all(FAC, navy).toString()).contains(code);

        Map<String, Object> changed = with(facility(code, REL), "name", "Renamed yard");
        changed.put("resources", List.of(Map.of("code", code + "-H", "kind", "HANGAR")));
        Http.Response put = http.put(FAC + "/" + id, atla, changed);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("name").asString()).isEqualTo("Renamed yard");
        assertThat(put.json().get("resources")).hasSize(1);
        assertThat(put.json().get("resources").get(0).get("kind").asString()).isEqualTo("HANGAR");
    }

    @Test
    void badFacilityInputNamesTheFieldAndSavesNothing() {
        String code = unique("BAD");
        refused(FAC, atla, with(facility(code, REL), "nation", "XYZ"), "nation", "repair_facility", code);
        refused(FAC, atla, with(facility("JP-YOKOSUKA", REL), "resources", List.of()), "code", "repair_facility",
                "no-such-code");
        refused(FAC, atla, with(facility(code, REL), "resources", List.of(Map.of("code", code + "-B", "kind", "BERTH"))),
                "resources", "repair_facility", code);
        refused(FAC, atla, with(facility(code, REL), "resources", List.of(Map.of("code", "YKS-DD1", "kind", "DRYDOCK"))),
                "resources", "repair_facility", code);
        refused(FAC, atla, with(facility(code, REL), "closedPeriods",
                List.of(Map.of("start", "2027-05-05", "end", "2027-04-29"))), "closedPeriods", "repair_facility", code);
        refused(FAC, atla, with(facility(code, REL), "lat", 91.0), "lat", "repair_facility", code);
        refused(FAC, atla, with(facility(code, REL), "lon", -181.0), "lon", "repair_facility", code);
        refused(FAC, atla, with(facility(code, REL), "name", "x".repeat(201)), "name", "repair_facility", code);
        refused(FAC, atla, with(facility(code, REL), "code", "bad code!"), "code", "repair_facility", "bad code!");
        refused(FAC, atla, facility(code, "CUI//PROPIN"), "marking", "repair_facility", code);
        long atlaOrg = directory.userByUsername("jp.atla").orElseThrow().organizationId();
        refused(FAC, atla, with(facility(code, "CUI//PROPIN"), "owningCompanyId", atlaOrg), "owningCompanyId",
                "repair_facility", code);
        assertThat(jdbc.sql("select count(*) from repair_resource where code like :c").param("c", code + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyGovernmentUsersRegisterFacilitiesExceptTheirOwnCompanysPropinData() {
        String industry = http.token("us.industry", "demo");
        Http.Response r = http.post(FAC, industry, facility(unique("IND"), "UNCLASSIFIED"));
        assertThat(r.status()).isEqualTo(403);
        String jpIndustry = http.token("jp.industry", "demo");
        JsonNode own = created(FAC, jpIndustry, facility(unique("OWN"), "UNCLASSIFIED//PROPIN"));
        assertThat(own.get("owningCompanyId").asLong())
                .isEqualTo(directory.userByUsername("jp.industry").orElseThrow().organizationId());
    }

    @Test
    void anIndustryUserChangesOnlyItsOwnCompanysPropinData() {
        String jpIndustry = http.token("jp.industry", "demo");
        long sakura = directory.userByUsername("jp.industry").orElseThrow().organizationId();
        long pacific = directory.userByUsername("us.industry").orElseThrow().organizationId();
        String code = unique("OWNCHG");
        long id = created(FAC, jpIndustry, facility(code, "UNCLASSIFIED//PROPIN")).get("id").asLong();

        Http.Response renamed = http.put(FAC + "/" + id, jpIndustry,
                with(facility(code, "UNCLASSIFIED//PROPIN"), "name", "Renamed yard"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("owningCompanyId").asLong()).isEqualTo(sakura);

        Http.Response notPropin = http.put(FAC + "/" + id, jpIndustry, facility(code, "UNCLASSIFIED//REL TO USA, JPN"));
        assertThat(notPropin.status()).as("no longer PROPIN").isEqualTo(403);
        assertThat(notPropin.header("Content-Type")).startsWith("application/problem+json");
        Http.Response handedOver = http.put(FAC + "/" + id, jpIndustry,
                with(facility(code, "UNCLASSIFIED//PROPIN"), "owningCompanyId", pacific));
        assertThat(handedOver.status()).as("handed to another company").isEqualTo(403);
        JsonNode now = http.get(FAC + "/" + id, jpIndustry).json();
        assertThat(now.get("name").asString()).isEqualTo("Renamed yard");
        assertThat(now.get("marking").toString()).contains("PROPIN");
        assertThat(now.get("owningCompanyId").asLong()).isEqualTo(sakura);
    }

    @Test
    void aRelToFacilityIsHiddenFromAustraliaAndPropinCapacityFromOtherCompanies() {
        String relCode = unique("REL");
        long rel = created(FAC, atla, facility(relCode, REL)).get("id").asLong();
        String au = http.token("au.dod", "demo");
        assertThat(http.get(FAC + "/" + rel, au).status()).isEqualTo(404);
        assertThat(http.all(FAC, au).toString()).doesNotContain(relCode);

        long sakura = directory.userByUsername("jp.industry").orElseThrow().organizationId();
        String propinCode = unique("PROP");
        JsonNode propin = created(FAC, atla, with(facility(propinCode, "UNCLASSIFIED//PROPIN"), "owningCompanyId", sakura));
        long id = propin.get("id").asLong();
        String usIndustry = http.token("us.industry", "demo");
        assertThat(http.get(FAC + "/" + id, usIndustry).status()).isEqualTo(404);
        assertThat(http.all(FAC, usIndustry).toString()).doesNotContain(propinCode);
        String jpIndustry = http.token("jp.industry", "demo");
        assertThat(http.get(FAC + "/" + id, jpIndustry).status()).isEqualTo(200);
        assertThat(http.get(FAC + "/" + id, navy).status()).isEqualTo(200);
        // the demo Nagasaki-area yard is PROPIN of Sakura Heavy Industries too
        assertThat(http.all(FAC, usIndustry).toString()).doesNotContain("JP-NAGASAKI");
        assertThat(http.all(FAC, jpIndustry).toString()).contains("JP-NAGASAKI");
    }

    // ------------------------------------------------------------------------------------------------ jobs

    @Test
    void foreignRepairIsDerivedForShipWork() {
        JsonNode ok = created(JOBS, navy, job(unique("J")));
        assertThat(ok.get("foreignRepairAllowed").asBoolean()).isTrue();
        assertThat(ok.get("marking").asString()).isEqualTo("UNCLASSIFIED//REL TO USA, JPN");

        JsonNode dueHome = created(JOBS, navy, with(job(unique("J")), "dueHome", "2028-01-31"));
        assertThat(dueHome.get("foreignRepairAllowed").asBoolean()).isFalse();
        JsonNode longJob = created(JOBS, navy, with(with(job(unique("J")), "durationDays", 190), "dueDate", "2027-12-31"));
        assertThat(longJob.get("foreignRepairAllowed").asBoolean()).isFalse();
        JsonNode voyage = created(JOBS, navy, with(with(job(unique("J")), "dueHome", "2027-06-01"), "voyageRepair", true));
        assertThat(voyage.get("foreignRepairAllowed").asBoolean()).isTrue();

        String code = unique("J");
        refused(JOBS, navy, with(with(job(code), "dueHome", "2028-01-31"), "foreignRepairAllowed", true),
                "foreignRepairAllowed", "repair_job", code);

        // aircraft work: an explicit decision is kept
        Map<String, Object> aircraft = with(with(job(unique("A")), "resourceKinds", List.of("HANGAR")),
                "foreignRepairAllowed", false);
        assertThat(created(JOBS, navy, aircraft).get("foreignRepairAllowed").asBoolean()).isFalse();

        // a change of the inputs derives again
        long id = ok.get("id").asLong();
        Map<String, Object> changed = with(job(ok.get("code").asString()), "forwardDeployed", false);
        Http.Response put = http.put(JOBS + "/" + id, navy, changed);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("foreignRepairAllowed").asBoolean()).isFalse();
    }

    @Test
    void badJobInputNamesTheFieldAndSavesNothing() {
        String code = unique("BJ");
        refused(JOBS, navy, with(job(code), "durationDays", 0), "durationDays", "repair_job", code);
        refused(JOBS, navy, with(job(code), "dueDate", "2027-02-01"), "dueDate", "repair_job", code);
        refused(JOBS, navy, with(job(code), "resourceKinds", List.of("BERTH")), "resourceKinds", "repair_job", code);
        refused(JOBS, navy, with(job(code), "resourceKinds", List.of()), "resourceKinds", "repair_job", code);
        refused(JOBS, navy, with(job(code), "priority", 11), "priority", "repair_job", code);
        refused(JOBS, navy, with(job(code), "flagNation", "XYZ"), "flagNation", "repair_job", code);
        refused(JOBS, navy, with(job(code), "lengthM", -5.0), "lengthM", "repair_job", code);
        refused(JOBS, navy, with(job(code), "homeLat", 100.0), "homeLat", "repair_job", code);
        refused(JOBS, navy, with(job("DDG-A-2027"), "asset", "dup"), "code", "repair_job", "no-such-code");
        refused(JOBS, navy, with(job(code), "marking", "CUI//GROUP WG-MISSILE"), "marking", "repair_job", code);
        String industry = http.token("us.industry", "demo");
        assertThat(http.post(JOBS, industry, job(code)).status()).isEqualTo(403);
        assertThat(count("repair_job", code)).isZero();
    }

    @Test
    void aGovernmentUserPinsAndUnpinsAJob() {
        JsonNode j = created(JOBS, navy, job(unique("PIN")));
        long id = j.get("id").asLong();
        Http.Response pinned = http.post(JOBS + "/" + id + "/pin", navy, Map.of("resource", "YKS-DD1", "start", "2027-03-10"));
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
        assertThat(pinned.json().get("pinnedResource").asString()).isEqualTo("YKS-DD1");
        assertThat(pinned.json().get("pinnedStart").asString()).isEqualTo("2027-03-10");

        Http.Response unknown = http.post(JOBS + "/" + id + "/pin", navy, Map.of("resource", "NO-SUCH", "start", "2027-03-10"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("resource");
        Http.Response wrongKind = http.post(JOBS + "/" + id + "/pin", navy, Map.of("resource", "AIC-H1", "start", "2027-03-10"));
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body()).contains("resource");
        assertThat(http.get(JOBS + "/" + id, navy).json().get("pinnedResource").asString()).isEqualTo("YKS-DD1");

        String industry = http.token("us.industry", "demo");
        assertThat(http.delete(JOBS + "/" + id + "/pin", industry).status()).isEqualTo(403);

        Http.Response unpinned = http.delete(JOBS + "/" + id + "/pin", navy);
        assertThat(unpinned.status()).isEqualTo(200);
        assertThat(unpinned.json().get("pinnedResource").isNull()).isTrue();
    }

    @Test
    void aCuiJobIsHiddenFromAustralia() {
        JsonNode j = created(JOBS, navy, with(job(unique("CUI")), "marking", REL));
        String au = http.token("au.dod", "demo");
        assertThat(http.get(JOBS + "/" + j.get("id").asLong(), au).status()).isEqualTo(404);
        assertThat(http.all(JOBS, au).toString()).doesNotContain(j.get("code").asString());
    }

    @Test
    void demoDataShowsTheRuleWithJobsNotEligibleForForeignRepair() {
        JsonNode all = http.all(JOBS, navy);
        Map<String, Boolean> allowed = new HashMap<>();
        all.forEach(j -> allowed.put(j.get("code").asString(), j.get("foreignRepairAllowed").asBoolean()));
        assertThat(allowed).containsEntry("DDG-A-2027", true).containsEntry("DDG-E-2027", false)
                .containsEntry("DDG-F-2027", false).containsEntry("LCC-G-2027", true);
        assertThat(http.all(FAC, navy).toString()).contains("JP-YOKOSUKA", "JP-SASEBO", "JP-AICHI", "US-GUAM");
    }

    // ----------------------------------------------------------------------------------------------- pages

    @Test
    void pagesRenderWithTheEligibilityPanelAndFormsWork() {
        Http browser = new Http(port).signIn("us.navy", "demo");
        Http.Response overview = browser.get("/sustainment", null);
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("/sustainment/plans", "/sustainment/facilities", "/sustainment/jobs");
        Http.Response facilities = browser.get("/sustainment/facilities", null);
        assertThat(facilities.status()).isEqualTo(200);
        assertThat(facilities.body()).contains("JP-YOKOSUKA", "class=\"banner");

        long demo = jdbc.sql("select id from repair_job where code = 'DDG-F-2027'").query(Long.class).single();
        Http.Response job = browser.get("/sustainment/jobs/" + demo, null);
        assertThat(job.status()).isEqualTo(200);
        assertThat(job.body()).contains("cond-NOT_DUE_HOME", "elig-JP-YOKOSUKA", "elig-US-GUAM", "Foreign repair not allowed");
        long yard = jdbc.sql("select id from repair_facility where code = 'JP-YOKOSUKA'").query(Long.class).single();
        assertThat(browser.get("/sustainment/facilities/" + yard, null).status()).isEqualTo(200);

        Http.Response jobs = browser.get("/sustainment/jobs", null);
        assertThat(jobs.status()).isEqualTo(200);
        String code = unique("PG");
        Map<String, String> form = new HashMap<>(Map.of("code", code, "asset", "Page destroyer", "flagNation", "USA",
                "resourceKinds", "PIER", "durationDays", "20", "earliestStart", "2027-05-01", "dueDate", "2027-07-01",
                "priority", "3", "forwardDeployed", "true", "marking", "UNCLASSIFIED//REL TO USA, JPN"));
        Http.Response post = browser.form("/sustainment/jobs", Http.csrf(jobs.body()), form);
        assertThat(post.status()).as(post.body()).isEqualTo(302);
        long id = jdbc.sql("select id from repair_job where code = :c").param("c", code).query(Long.class).single();
        assertThat(post.header("Location")).endsWith("/sustainment/jobs/" + id);

        Http.Response bad = browser.form("/sustainment/jobs", Http.csrf(jobs.body()), new HashMap<>(Map.of("code",
                unique("PG"), "asset", "x", "flagNation", "USA", "resourceKinds", "PIER", "durationDays", "0",
                "earliestStart", "2027-05-01", "dueDate", "2027-07-01", "priority", "3", "marking", "UNCLASSIFIED")));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("durationDays");

        Http.Response page = browser.get("/sustainment/jobs/" + id, null);
        Http.Response pin = browser.form("/sustainment/jobs/" + id + "/pin", Http.csrf(page.body()),
                Map.of("resource", "YKS-P1", "start", "2027-05-10"));
        assertThat(pin.status()).as(pin.body()).isEqualTo(302);
        assertThat(jdbc.sql("select pinned_resource from repair_job where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("YKS-P1");

        // industry is offered neither the new-job form nor the pin form, and a job form it posts anyway is refused
        Http industry = new Http(port).signIn("jp.industry", "demo");
        String industryJobs = industry.get("/sustainment/jobs", null).body();
        // (the list's GET filter form also goes to /sustainment/jobs: the new-job form is the one that posts)
        assertThat(industryJobs).doesNotContain("method=\"post\" class=\"form\" action=\"/sustainment/jobs\"");
        assertThat(jobs.body()).contains("method=\"post\" class=\"form\" action=\"/sustainment/jobs\"");
        Http.Response industryJob = industry.get("/sustainment/jobs/" + demo, null);
        assertThat(industryJob.status()).as("industry reads the job").isEqualTo(200);
        assertThat(industryJob.body()).doesNotContain("action=\"/sustainment/jobs/" + demo + "/pin\"");
        assertThat(job.body()).contains("action=\"/sustainment/jobs/" + demo + "/pin\"");
        assertThat(industry.form("/sustainment/jobs", Http.csrf(industryJobs), new HashMap<>(Map.of("code",
                unique("PG"), "asset", "x", "flagNation", "USA", "resourceKinds", "PIER", "durationDays", "0",
                "earliestStart", "2027-05-01", "dueDate", "2027-07-01", "priority", "3", "marking", "UNCLASSIFIED"))))
                .extracting(Http.Response::status).as("an invalid job form from industry").isEqualTo(403);
        // the refusal names the rule's reason, in the reader's language
        Http industryJa = new Http(port).signIn("jp.industry", "demo");
        String jaJobs = industryJa.get("/sustainment/jobs?lang=ja", null).body();
        Http.Response refusedJa = industryJa.form("/sustainment/jobs", Http.csrf(jaJobs), new HashMap<>(Map.of("code",
                unique("PG"), "asset", "x", "flagNation", "USA", "resourceKinds", "PIER", "durationDays", "5",
                "earliestStart", "2027-05-01", "dueDate", "2027-07-01", "priority", "3", "marking", "UNCLASSIFIED")));
        assertThat(refusedJa.status()).isEqualTo(403);
        assertThat(refusedJa.body()).contains("修理案件の作成・変更・固定と修理計画の実行ができるのは政府職員だけです。");
        industryJa.get("/sustainment/jobs?lang=en", null);
        assertThat(industry.get("/sustainment/facilities", null).body()).as("industry registers its own PROPIN data")
                .contains("action=\"/sustainment/facilities\"");

        long hidden = jdbc.sql("select id from repair_facility where code = 'JP-SASEBO'").query(Long.class).single();
        Http au = new Http(port).signIn("au.dod", "demo");
        assertThat(au.get("/sustainment/facilities/" + hidden, null).status()).isEqualTo(404);
        assertThat(au.get("/sustainment/jobs?lang=ja", null).status()).isEqualTo(200);
    }
}
