package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dicas.PlatformTest;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.ExportControl;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * EXPORT-controlled records: the originating nation reads; others only through an active authorization attached to
 * the record, covering their nation (and company, for industry) — before, during and after its validity, in both
 * renderings of the policy and through the API.
 */
@PlatformTest
class ExportAuthorizationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;
    @Autowired
    MarkedRecords records;

    static final LocalDate DAY = LocalDate.of(2027, 3, 15);
    static final Marking ITAR = Marking.parse("CUI//REL TO USA, JPN//EXPORT ITAR USML-IV");

    static ReleasabilityPolicy policyOn(LocalDate day) {
        return new ReleasabilityPolicy(Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    static ExportAuthorization auth(List<String> nations, List<Long> companies, LocalDate from, LocalDate to) {
        return new ExportAuthorization(1, "DSP-73-0001", ExportAuthorization.Kind.LICENCE, ExportControl.Regime.ITAR,
                NationCode.USA, nations.stream().map(NationCode::of).toList(), companies, from, to, "");
    }

    static DicasUser user(String nation, OrganizationKind kind, long org) {
        return new DicasUser(org, "u" + org, "u", NationCode.of(nation), org, "org", kind, AccessLevel.CUI, Set.of(),
                Set.of(), Optional.empty());
    }

    @Test
    void authorizationGrantsOnlyOnItsValidDaysInclusive() {
        DicasUser jpGov = user("JPN", OrganizationKind.GOVERNMENT, 5);
        var record = new RecordMarking(ITAR, NationCode.USA, Optional.empty(),
                List.of(auth(List.of("JPN"), List.of(), DAY, DAY.plusDays(30))));
        assertThat(policyOn(DAY.minusDays(1)).mayRead(jpGov, record)).as("the day before").isFalse();
        assertThat(policyOn(DAY).mayRead(jpGov, record)).as("first day").isTrue();
        assertThat(policyOn(DAY.plusDays(30)).mayRead(jpGov, record)).as("last day").isTrue();
        assertThat(policyOn(DAY.plusDays(31)).mayRead(jpGov, record)).as("the day after validTo").isFalse();
    }

    @Test
    void industryNeedsItsCompanyCoveredWhenCompaniesAreListed() {
        DicasUser sakura = user("JPN", OrganizationKind.COMPANY, 7);
        DicasUser other = user("JPN", OrganizationKind.COMPANY, 8);
        DicasUser jpGov = user("JPN", OrganizationKind.GOVERNMENT, 5);
        var companyLicence = new RecordMarking(ITAR, NationCode.USA, Optional.empty(),
                List.of(auth(List.of("JPN"), List.of(7L), DAY, DAY)));
        var nationLicence = new RecordMarking(ITAR, NationCode.USA, Optional.empty(),
                List.of(auth(List.of("JPN"), List.of(), DAY, DAY)));
        ReleasabilityPolicy p = policyOn(DAY);
        assertThat(p.mayRead(sakura, companyLicence)).isTrue();
        assertThat(p.mayRead(other, companyLicence)).isFalse();
        assertThat(p.mayRead(jpGov, companyLicence)).as("government of a covered nation").isTrue();
        assertThat(p.mayRead(other, nationLicence)).as("empty company list covers every company").isTrue();
        var otherNation = new RecordMarking(ITAR, NationCode.USA, Optional.empty(),
                List.of(auth(List.of("GBR"), List.of(), DAY, DAY)));
        assertThat(p.mayRead(jpGov, otherNation)).isFalse();
        assertThat(p.mayRead(user("USA", OrganizationKind.COMPANY, 9), otherNation)).as("originator").isTrue();
    }

    @Test
    void sqlRenderingAgreesBeforeDuringAndAfterValidity() {
        long sakura = jdbc.sql("select id from organization where name like 'Sakura%'").query(Long.class).single();
        long pacific = jdbc.sql("select id from organization where name like 'Pacific%'").query(Long.class).single();
        var p = new HashMap<String, Object>(MarkedRecords.markingColumns(new RecordMarking(ITAR, NationCode.USA, Optional.empty())));
        long rec = jdbc.sql("""
                        insert into record (kind, title, marking, level, noforn, rel_to, groups, propin, export_regime,
                                            origin_nation, owning_company_id)
                        values ('TEST', 'export case', :marking, :level, :noforn, cast(:relTo as text[]),
                                cast(:groups as text[]), :propin, :export, :origin, :company) returning id""")
                .params(p).query(Long.class).single();
        long a = jdbc.sql("""
                        insert into export_authorization (number, kind, regime, issuing_nation, covered_nations,
                               covered_companies, valid_from, valid_to)
                        values ('SQL-TEST-1', 'LICENCE', 'ITAR', 'USA', '{JPN}', cast(:c as bigint[]), :from, :to) returning id""")
                .param("c", "{" + sakura + "}").param("from", DAY).param("to", DAY.plusDays(10)).query(Long.class).single();
        jdbc.sql("insert into record_authorization (record_id, authorization_id) values (:r, :a)").param("r", rec)
                .param("a", a).update();
        List<DicasUser> readers = List.of(directory.userByUsername("jp.atla").orElseThrow(),
                directory.userByUsername("jp.industry").orElseThrow(), directory.userByUsername("us.navy").orElseThrow(),
                user("JPN", OrganizationKind.COMPANY, pacific), directory.userByUsername("au.dod").orElseThrow());
        for (LocalDate day : List.of(DAY.minusDays(1), DAY, DAY.plusDays(10), DAY.plusDays(11))) {
            ReleasabilityPolicy policy = policyOn(day);
            RecordMarking stored = records.find(rec).orElseThrow();
            for (DicasUser u : readers) {
                SqlFilter f = policy.sqlFilter(u, "r");
                boolean sql = jdbc.sql("select count(*) from record r where r.id = :id and " + f.clause())
                        .params(f.parameters()).param("id", rec).query(Integer.class).single() == 1;
                assertThat(sql).as(u.username() + " on " + day).isEqualTo(policy.mayRead(u, stored));
            }
        }
        assertThat(policyOn(DAY).mayRead(readers.get(1), records.find(rec).orElseThrow())).as("covered company").isTrue();
        assertThat(policyOn(DAY.plusDays(11)).mayRead(readers.get(1), records.find(rec).orElseThrow())).isFalse();
    }

    @Test
    void disclosureOfficersManageAuthorizationsOfTheirNationThroughTheApi() {
        Http http = new Http(port);
        String acq = http.token("us.acq", "demo");
        String fdo = http.token("us.fdo", "demo");
        String jp = http.token("jp.atla", "demo");
        String jpIndustry = http.token("jp.industry", "demo");
        long sakura = jdbc.sql("select id from organization where name like 'Sakura%'").query(Long.class).single();
        long doc = http.post("/api/v1/documents", acq, Map.of("title", "AMRAAM seeker data", "body", "technical data",
                "marking", ITAR.banner())).json().get("id").asLong();
        long plain = http.post("/api/v1/documents", acq, Map.of("title", "Not export-controlled", "body", "x",
                "marking", "CUI//REL TO USA, JPN")).json().get("id").asLong();
        assertThat(http.get("/api/v1/documents/" + doc, jp).status()).as("before any authorization").isEqualTo(404);
        LocalDate today = LocalDate.now();
        var issued = http.post("/api/v1/authorizations", fdo, Map.of("number", "DSP-5-API", "kind", "LICENCE",
                "regime", "ITAR", "coveredNations", List.of("JPN"), "coveredCompanies", List.of(sakura),
                "validFrom", today.toString(), "validTo", today.plusDays(30).toString()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        long a = issued.json().get("id").asLong();
        // not an officer, or an officer of another nation: the authorization does not exist for them
        assertThat(http.get("/api/v1/authorizations/" + a, acq).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/authorizations/" + a + "/records/" + doc, jp, "").status()).isEqualTo(404);
        // wrong record kinds are refused
        assertThat(http.post("/api/v1/authorizations/" + a + "/records/" + plain, fdo, "").json().get("field").asString())
                .isEqualTo("recordId");
        assertThat(http.post("/api/v1/authorizations/" + a + "/records/" + doc, fdo, "").status()).isEqualTo(204);
        assertThat(http.get("/api/v1/documents/" + doc, jp).status()).as("JPN government, nation covered").isEqualTo(200);
        assertThat(http.get("/api/v1/documents/" + doc, jpIndustry).status()).as("covered company").isEqualTo(200);
        assertThat(http.all("/api/v1/search?q=AMRAAM%20seeker", jp).toString()).contains("\"id\":" + doc + ",");
        // ending the validity yesterday takes access away without anyone detaching it
        var expired = http.put("/api/v1/authorizations/" + a, fdo, Map.of("number", "DSP-5-API", "kind", "LICENCE",
                "regime", "ITAR", "coveredNations", List.of("JPN"), "coveredCompanies", List.of(sakura),
                "validFrom", today.minusDays(10).toString(), "validTo", today.minusDays(1).toString()));
        assertThat(expired.status()).as(expired.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/documents/" + doc, jp).status()).isEqualTo(404);
        assertThat(http.all("/api/v1/search?q=AMRAAM%20seeker", jp).toString()).doesNotContain("\"id\":" + doc + ",");
        assertThat(http.get("/api/v1/documents/" + doc, acq).status()).as("originating nation always reads").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_entry where action like 'AUTHORIZATION_%' and (detail_sentence like '%DSP-5-API%')")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(3);
        // bad input
        var backwards = http.post("/api/v1/authorizations", fdo, Map.of("number", "DSP-BAD", "kind", "LICENCE",
                "regime", "ITAR", "coveredNations", List.of("JPN"), "validFrom", today.toString(),
                "validTo", today.minusDays(1).toString()));
        assertThat(backwards.json().get("field").asString()).isEqualTo("validTo");
    }
}
