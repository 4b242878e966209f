package org.dicas.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.demo.DemoUsers;
import org.dicas.requirements.PairJudgmentsTest;
import org.dicas.requirements.RequirementsApiTest;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.ReadableRecords;
import org.dicas.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A judgment of a pair of requirements exists only for the pair's officials (ADR 0041): the Australian official, who
 * may read both requirements of a US–Japanese pair, and the Japanese industry user, who may too, find nothing of a
 * judgment of it through any generic reader of records — search, history, titles, the record picker, the
 * judgments API — exactly as for a missing id; the officials of both nations do. The rule sits in the judgment's own
 * record (its marking and its government-only column), so the one policy says it: the set of ids every reader filters
 * by ({@link ReadableRecords#ids}) leaves it out, and a reader written tomorrow cannot show it either.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JudgmentVisibilityTest {

    static final String REQUIREMENTS = RequirementsApiTest.API;
    static final String MISSING = "987654321";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadableRecords readable;
    @Autowired
    Directory directory;

    Http http;
    String us;
    String jp;
    String au;
    String jpIndustry;
    long usReq;
    long jpReq;
    long judgment;
    String title;

    @BeforeAll
    void aJapaneseOfficialJudgesAPairEveryoneMayReadBothOf() {
        http = new Http(port);
        us = AttackSupport.token(port, DemoUsers.US_ACQ);
        jp = AttackSupport.token(port, DemoUsers.JP_ATLA);
        au = AttackSupport.token(port, DemoUsers.AU_DOD);
        jpIndustry = AttackSupport.token(port, DemoUsers.JP_INDUSTRY);
        usReq = PairJudgmentsTest.requirement(http, us, "JUDGESEEN tactical datalink terminals", "", "UNCLASSIFIED");
        jpReq = PairJudgmentsTest.requirement(http, jp, "JUDGESEEN tactical datalink terminals JP", "戦術データリンク端末",
                "UNCLASSIFIED");
        var created = http.post(PairJudgmentsTest.judgments(jpReq), jp,
                PairJudgmentsTest.judgment(usReq, false, "SIBLING_SYSTEM", "judgeseen note"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        judgment = created.json().get("id").asLong();
        title = "#" + Math.min(usReq, jpReq) + " ⇔ #" + Math.max(usReq, jpReq);
        for (String other : List.of(au, jpIndustry)) {
            assertThat(http.get(REQUIREMENTS + "/" + usReq, other).status()).as("both requirements readable")
                    .isEqualTo(200);
            assertThat(http.get(REQUIREMENTS + "/" + jpReq, other).status()).isEqualTo(200);
        }
    }

    List<String> idPaths(String id) {
        return List.of("/api/v1/judgments/" + id, "/api/v1/records/" + id + "/history",
                "/api/v1/records/" + id + "/titles");
    }

    @Test
    void itsMarkingNamesOnlyThePairsNationsAndItsRecordOnlyGovernments() {
        Map<String, Object> row = jdbc.sql("select marking, government_only from record where id = :id")
                .param("id", judgment).query().singleRow();
        assertThat(row.get("marking")).as("UNCLASSIFIED both, limited to the pair").isEqualTo("UNCLASSIFIED//REL TO JPN, USA");
        assertThat(row.get("government_only")).isEqualTo(true);
    }

    @Test
    void aThirdNationsOfficialAndIndustryOfThePairsNationsGet404ByIdLikeAMissingOne() {
        for (String path : idPaths(String.valueOf(judgment))) {
            for (String reader : List.of(us, jp)) {
                assertThat(http.get(path, reader).status()).as("the pair's officials read " + path).isEqualTo(200);
            }
            int missing = http.get(path.replace(String.valueOf(judgment), MISSING), au).status();
            assertThat(missing).as("a missing id at " + path).isEqualTo(404);
            for (String reader : List.of(au, jpIndustry)) {
                var r = http.get(path, reader);
                assertThat(r.status()).as(path + " " + r.body()).isEqualTo(missing);
                assertThat(r.body()).doesNotContain(title, "judgeseen note");
            }
        }
        Http auWeb = AttackSupport.session(port, DemoUsers.AU_DOD);
        assertThat(auWeb.get("/records/" + judgment + "/history", null).status()).isEqualTo(404);
        assertThat(AttackSupport.session(port, DemoUsers.JP_ATLA).get("/records/" + judgment + "/history", null)
                .status()).isEqualTo(200);
    }

    @Test
    void searchAndTheRecordPickerDoNotFindItForThemButDoForThePairsOfficials() {
        String byId = String.valueOf(judgment);
        String pick = "/pick/records?q=" + byId + "&for=related";
        assertThat(AttackSupport.session(port, DemoUsers.JP_ATLA).get(pick, null).body()).as("found by id")
                .contains(title);
        assertThat(AttackSupport.session(port, DemoUsers.US_ACQ).get(pick, null).body()).contains(title);
        for (String user : List.of(DemoUsers.AU_DOD, DemoUsers.JP_INDUSTRY)) {
            assertThat(AttackSupport.session(port, user).get(pick, null).body()).doesNotContain(title);
        }
        String query = "/api/v1/search?q=" + Math.min(usReq, jpReq);
        for (String reader : List.of(au, jpIndustry)) {
            var found = http.get(query, reader);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body()).doesNotContain(title).doesNotContain("\"id\":" + judgment + ",");
        }
    }

    @Test
    void theOnePolicyLeavesItOutOfWhatEveryReaderFiltersBy() {
        for (String name : List.of(DemoUsers.AU_DOD, DemoUsers.JP_INDUSTRY, DemoUsers.US_INDUSTRY)) {
            DicasUser reader = directory.userByUsername(name).orElseThrow();
            assertThat(readable.ids(reader).contains(judgment)).as(name).isFalse();
            assertThat(readable.ids(reader).contains(usReq)).as(name + " reads the requirement").isTrue();
        }
        for (String name : List.of(DemoUsers.JP_ATLA, DemoUsers.US_ACQ, DemoUsers.JP_MSDF)) {
            assertThat(readable.ids(directory.userByUsername(name).orElseThrow()).contains(judgment)).as(name).isTrue();
        }
    }

    @Test
    void whenTheOtherNationWithholdsItsRequirementTheJudgesNationNoLongerFindsTheJudgmentAnywhere() {
        JudgedPair j = judgedByJapan("JUDGELEAK maritime patrol radar spares", "哨戒機レーダー部品", "judgeleak note");
        long usOwn = j.usOwn();
        long jpOwn = j.jpOwn();
        long judged = j.judgment();
        String pair = j.pair();

        // the United States withholds its requirement from every other nation
        var withheld = http.put(REQUIREMENTS + "/" + usOwn, us, RequirementsApiTest.body(
                "JUDGELEAK maritime patrol radar spares", "", "UNCLASSIFIED//NOFORN"));
        assertThat(withheld.status()).as(withheld.body()).isEqualTo(200);
        assertThat(http.get(REQUIREMENTS + "/" + usOwn, jp).status()).isEqualTo(404);

        Map<String, Object> row = jdbc.sql("select marking, origin_nation from record where id = :id")
                .param("id", judged).query().singleRow();
        assertThat(row.get("marking")).isEqualTo("UNCLASSIFIED//NOFORN");
        assertThat(row.get("origin_nation")).as("the judgment passes to the nation that reads both").isEqualTo("USA");
        for (String path : idPaths(String.valueOf(judged))) {
            var r = http.get(path, jp);
            assertThat(r.status()).as("the judge's nation at " + path).isEqualTo(
                    http.get(path.replace(String.valueOf(judged), MISSING), jp).status());
            assertThat(r.body()).doesNotContain(pair, "judgeleak note");
            assertThat(http.get(path, us).status()).as("the United States reads " + path).isEqualTo(200);
        }
        for (String name : List.of(DemoUsers.JP_ATLA, DemoUsers.JP_MSDF)) {
            assertThat(readable.ids(directory.userByUsername(name).orElseThrow()).contains(judged)).as(name).isFalse();
        }
        assertThat(readable.ids(directory.userByUsername(DemoUsers.US_ACQ).orElseThrow()).contains(judged)).isTrue();
        String pick = "/pick/records?q=" + judged + "&for=related";
        assertThat(AttackSupport.session(port, DemoUsers.JP_ATLA).get(pick, null).body()).doesNotContain(pair);
        assertThat(AttackSupport.session(port, DemoUsers.US_ACQ).get(pick, null).body()).contains(pair);
        var found = http.get("/api/v1/search?q=" + Math.min(usOwn, jpOwn), jp);
        assertThat(found.body()).doesNotContain(pair).doesNotContain("\"id\":" + judged + ",");
        assertThat(jdbc.sql("select actor from audit_entry where record_id = :id and action = 'MARKING_CHANGED'")
                .param("id", judged).query(String.class).list()).containsExactly("system");
    }

    @Test
    void whenNeitherNationMayStillReadBothRequirementsNobodyFindsTheJudgmentAndItComesBackWhenOneMayAgain() {
        JudgedPair j = judgedByJapan("JUDGEBOTH towed array sonar modules", "曳航式ソーナー部品", "judgeboth note");

        // each nation withholds its own requirement from the other: nobody may read both any more
        assertThat(http.put(REQUIREMENTS + "/" + j.usOwn(), us, RequirementsApiTest.body(
                "JUDGEBOTH towed array sonar modules", "", "UNCLASSIFIED//NOFORN")).status()).isEqualTo(200);
        assertThat(http.put(REQUIREMENTS + "/" + j.jpOwn(), jp, RequirementsApiTest.body(
                "JUDGEBOTH towed array sonar modules JP", "曳航式ソーナー部品", "UNCLASSIFIED//NOFORN")).status())
                .isEqualTo(200);

        assertThat(withheld(j.judgment())).isTrue();
        for (String path : idPaths(String.valueOf(j.judgment()))) {
            for (String token : List.of(jp, us)) {
                var r = http.get(path, token);
                assertThat(r.status()).as(path).isEqualTo(
                        http.get(path.replace(String.valueOf(j.judgment()), MISSING), token).status());
                assertThat(r.body()).doesNotContain(j.pair(), "judgeboth note");
            }
        }
        for (String name : List.of(DemoUsers.JP_ATLA, DemoUsers.JP_MSDF, DemoUsers.US_ACQ)) {
            assertThat(readable.ids(directory.userByUsername(name).orElseThrow()).contains(j.judgment())).as(name)
                    .isFalse();
        }
        for (String name : List.of(DemoUsers.JP_ATLA, DemoUsers.US_ACQ)) {
            String pick = "/pick/records?q=" + j.judgment() + "&for=related";
            assertThat(AttackSupport.session(port, name).get(pick, null).body()).as(name).doesNotContain(j.pair());
        }
        assertThat(http.get("/api/v1/search?q=" + Math.min(j.usOwn(), j.jpOwn()), jp).body()).doesNotContain(j.pair());

        // the United States releases its requirement again: the Japanese officials read both, and the judgment
        assertThat(http.put(REQUIREMENTS + "/" + j.usOwn(), us, RequirementsApiTest.body(
                "JUDGEBOTH towed array sonar modules", "", "UNCLASSIFIED")).status()).isEqualTo(200);
        assertThat(withheld(j.judgment())).isFalse();
        assertThat(readable.ids(directory.userByUsername(DemoUsers.JP_ATLA).orElseThrow()).contains(j.judgment()))
                .isTrue();
        assertThat(readable.ids(directory.userByUsername(DemoUsers.US_ACQ).orElseThrow()).contains(j.judgment()))
                .isFalse();
        assertThat(jdbc.sql("select actor from audit_entry where record_id = :id and action = 'MARKING_CHANGED'")
                .param("id", j.judgment()).query(String.class).list()).isNotEmpty().allMatch("system"::equals);
    }

    private boolean withheld(long id) {
        return jdbc.sql("select withheld from record where id = :id").param("id", id).query(Boolean.class).single();
    }

    /** A US and a Japanese requirement (UNCLASSIFIED, titled {@code title}), judged one need by a Japanese official. */
    private JudgedPair judgedByJapan(String title, String titleJa, String note) {
        long usOwn = PairJudgmentsTest.requirement(http, us, title, "", "UNCLASSIFIED");
        long jpOwn = PairJudgmentsTest.requirement(http, jp, title + " JP", titleJa, "UNCLASSIFIED");
        var created = http.post(PairJudgmentsTest.judgments(jpOwn), jp,
                PairJudgmentsTest.judgment(usOwn, true, null, note));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new JudgedPair(usOwn, jpOwn, created.json().get("id").asLong(),
                "#" + Math.min(usOwn, jpOwn) + " ⇔ #" + Math.max(usOwn, jpOwn));
    }

    private record JudgedPair(long usOwn, long jpOwn, long judgment, String pair) {
    }
}
