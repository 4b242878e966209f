package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Leads entered by hand and imported from CSV and JSON over the real API: language detection, all-or-nothing imports
 * whose errors name the line (CSV) or record (JSON) and field, and releasability of what was imported.
 */
@PlatformTest
class LeadImportTest {

    static final String MARKING = "CUI//REL TO USA, JPN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String jp;
    String us;
    String au;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        jp = Tokens.of(port, "jp.atla");
        us = Tokens.of(port, "us.acq");
        au = Tokens.of(port, "au.dod");
    }

    int leads() {
        return jdbc.sql("select count(*) from lead").query(Integer.class).single();
    }

    HttpResponse<String> upload(String token, String format, String contentType, String body) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/leads/import?format="
                            + format + "&marking=" + URLEncoder.encode(MARKING, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token).header("Accept-Language", "en").header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void leadEnteredByHandDetectsItsLanguageAndIsMatchedAgainstRequirements() {
        var r = http.post("/api/v1/leads", jp, Map.of("sourceType", "OVERSEAS_GOVERNMENT_REPRESENTATIVE",
                "sourceName", "在オーストラリア日本国大使館 防衛駐在官", "text",
                "豪州は練習機の後継について日米との共同調達に関心を示している。", "marking", MARKING));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode lead = r.json();
        assertThat(lead.get("language").asString()).isEqualTo("ja");
        assertThat(lead.get("title").asString()).isEqualTo("豪州は練習機の後継について日米との共同調達に関心を示している。");
        assertThat(lead.get("date").asString()).isEqualTo(java.time.LocalDate.now().toString());
        var got = http.get("/api/v1/leads/" + lead.get("id").asLong(), jp);
        assertThat(got.status()).isEqualTo(200);
        JsonNode matches = got.json().get("matches");
        assertThat(matches.size()).isPositive();
        assertThat(matches.get(0).get("titleJa").asString() + matches.get(0).get("titleEn").asString())
                .containsAnyOf("練習機", "trainer", "training");
        assertThat(http.get("/api/v1/leads/" + lead.get("id").asLong(), au).status())
                .as("a lead not released to Australia is not found").isEqualTo(404);
        var bad = http.post("/api/v1/leads", jp, Map.of("sourceType", "RUMOUR", "sourceName", "x", "text", "y",
                "marking", MARKING));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("sourceType");
        assertThat(http.post("/api/v1/leads", http.token("jp.industry", "demo"), Map.of("sourceType", "OTHER",
                "sourceName", "x", "text", "y", "marking", MARKING)).status()).isEqualTo(403);
    }

    @Test
    void csvImportSavesEveryRowAndDetectsEachLanguage() {
        int before = leads();
        String csv = """
                sourceType,sourceName,date,title,text,link,marking
                PRIVATE_SECTOR,Roundtable,2025-10-01,,"Firms offer rocket-motor capacity, for interceptors.",https://example.org/a,
                INTERNATIONAL_CONFERENCE,国際会議,2025-10-02,練習機,練習機の共同調達について議論した。,,UNCLASSIFIED
                """;
        var r = upload(jp, "csv", "text/csv", csv);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"imported\":2");
        assertThat(leads()).isEqualTo(before + 2);
        var langs = jdbc.sql("select language || ' ' || source_type || ' ' || r.marking from lead l join record r "
                        + "on r.id = l.id where l.origin = 'IMPORT' and l.source_name in ('Roundtable', '国際会議') "
                        + "order by l.id desc limit 2")
                .query(String.class).list();
        assertThat(langs).containsExactlyInAnyOrder("en PRIVATE_SECTOR " + MARKING,
                "ja INTERNATIONAL_CONFERENCE UNCLASSIFIED");
    }

    @Test
    void csvErrorNamesTheLineAndNothingIsSaved() {
        int before = leads();
        String csv = """
                sourceType,sourceName,date,title,text,link,marking
                PRIVATE_SECTOR,Roundtable,2025-10-01,,Fine row one,,
                PRIVATE_SECTOR,Roundtable,2025-10-01,,Fine row two,,

                OVERSEAS_GOVERNMENT_REPRESENTATIVE,,2025-10-03,,No source name here,,
                """;
        var r = upload(jp, "csv", "text/csv", csv);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("file").contains("line 5: sourceName");
        assertThat(leads()).isEqualTo(before);

        var date = upload(jp, "csv", "text/csv", """
                sourceType,sourceName,date,text
                OTHER,x,2025-10-01,ok
                OTHER,x,01/10/2025,bad date
                """);
        assertThat(date.body()).contains("line 3: date");
        var link = upload(jp, "csv", "text/csv", """
                sourceType,sourceName,text,link
                OTHER,x,ok,javascript:alert(1)
                """);
        assertThat(link.body()).contains("line 2: link");
        var column = upload(jp, "csv", "text/csv", "sourceType,sourceName,text,colour\nOTHER,x,y,red\n");
        assertThat(column.body()).contains("line 1: unknown column \\\"colour\\\"");
        var marking = upload(jp, "csv", "text/csv", "sourceType,sourceName,text,marking\nOTHER,x,y,CUI\n"
                + "OTHER,x,y,CUI//NOFORN//REL TO USA\n");
        assertThat(marking.statusCode()).isEqualTo(400);
        assertThat(marking.body()).contains("line 3: marking");
        assertThat(leads()).isEqualTo(before);
    }

    @Test
    void jsonImportErrorNamesTheRecordAndNothingIsSaved() {
        int before = leads();
        String ok = """
                {"leads": [
                  {"sourceType": "OVERSEAS_GOVERNMENT_REPRESENTATIVE", "sourceName": "U.S. Embassy Tokyo",
                   "text": "The attaché reports interest in SM-6 co-production.", "date": "2025-09-30"},
                  {"sourceType": "PRIVATE_SECTOR", "sourceName": "造船所", "text": "艦艇修理の余力がある。",
                   "marking": "UNCLASSIFIED"}
                ]}""";
        var good = upload(us, "json", "application/json", ok);
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(leads()).isEqualTo(before + 2);
        String bad = """
                {"leads": [
                  {"sourceType": "OTHER", "sourceName": "a", "text": "first is fine"},
                  {"sourceType": "OTHER", "sourceName": "b", "text": "second is fine"},
                  {"sourceType": "OTHER", "sourceName": "c", "text": "", "title": ""}
                ]}""";
        var r = upload(us, "json", "application/json", bad);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("record 3: text");
        var unknown = upload(us, "json", "application/json", "{\"leads\": [{\"sourceType\": \"OTHER\", "
                + "\"sourceName\": \"a\", \"text\": \"x\", \"priority\": \"high\"}]}");
        assertThat(unknown.body()).contains("record 1: unknown field 'priority'");
        var number = upload(us, "json", "application/json", "{\"leads\": [{\"sourceType\": \"OTHER\", "
                + "\"sourceName\": 7, \"text\": \"x\"}]}");
        assertThat(number.body()).contains("record 1: sourceName must be text");
        var broken = upload(us, "json", "application/json", "{\"leads\": [");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("not valid JSON");
        assertThat(leads()).isEqualTo(before + 2);
    }
}
