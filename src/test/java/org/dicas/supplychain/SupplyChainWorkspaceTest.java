package org.dicas.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The supply-chain workspace on the demo network: analyses over the whole network, shown to each reader only about
 * the nodes they may read (hidden nodes as counts), what-ifs, exports with the banner, import validation.
 */
@PlatformTest
class SupplyChainWorkspaceTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    long demoNetwork() {
        return jdbc.sql("select id from supply_network where program = 'Missile co-production' order by version limit 1")
                .query(Long.class).single();
    }

    static JsonNode endItem(JsonNode view, String id) {
        for (JsonNode e : view.get("endItems")) {
            if (e.get("id").asString().equals(id)) {
                return e;
            }
        }
        return null;
    }

    static List<String> codes(JsonNode nodeRefs) {
        List<String> out = new ArrayList<>();
        nodeRefs.forEach(n -> out.add(n.get("code").asString()));
        return out;
    }

    @Test
    void singlePointsOfFailureOfTheDemoNetworkAreTheOnesAnAnalystWouldFind() {
        Http http = new Http(port);
        JsonNode view = http.get("/api/v1/supply-chain/networks/" + demoNetwork() + "/analysis",
                http.token("us.acq", "demo")).json();
        JsonNode aim = endItem(view, "AIM-120-US");
        assertThat(aim.get("operational").asBoolean()).isTrue();
        assertThat(codes(aim.get("singlePointsOfFailure"))).containsExactly("AP-US-1", "BAT-US-1", "FA-US-AMRAAM",
                "FZ-US-1", "GS-US-1", "IMU-US-1", "SK-US-1", "WH-US-1");
        assertThat(aim.get("withheldSinglePointsOfFailure").asInt()).isZero();
        assertThat(view.get("withheldEndItems").asInt()).isZero();
        assertThat(view.get("network").get("withheldNodes").asInt()).isZero();
    }

    @Test
    void hiddenNodesAppearOnlyAsCounts() {
        Http http = new Http(port);
        String au = http.token("au.dod", "demo");
        var r = http.get("/api/v1/supply-chain/networks/" + demoNetwork() + "/analysis", au);
        assertThat(r.status()).isEqualTo(200);
        JsonNode view = r.json();
        JsonNode aim = endItem(view, "AIM-120-US");
        assertThat(codes(aim.get("singlePointsOfFailure"))).doesNotContain("AP-US-1")
                .contains("BAT-US-1", "FA-US-AMRAAM");
        assertThat(aim.get("withheldSinglePointsOfFailure").asInt()).isEqualTo(1);
        assertThat(endItem(view, "AIM-120-JP")).as("Japanese line is CUI, au.dod is UNCLASSIFIED").isNull();
        assertThat(view.get("withheldEndItems").asInt()).isEqualTo(2);
        // the hidden node is named nowhere: not by id, name, company or country
        assertThat(r.body()).doesNotContain("AP-US-1", "Ammonium perchlorate", "Western Oxidizer", "FA-JP-", "Sakura");
        Http web = new Http(port).signIn("au.dod", "demo");
        String page = web.get("/supply-chain/networks/" + demoNetwork(), null).body();
        assertThat(page).contains("1 critical nodes withheld").doesNotContain("Western Oxidizer", "AP-US-1");
        // industry sees its own company's sites, not the other company's
        JsonNode us = http.get("/api/v1/supply-chain/networks/" + demoNetwork() + "/analysis",
                http.token("us.industry", "demo")).json();
        assertThat(endItem(us, "AIM-120-US")).isNotNull();
        assertThat(endItem(us, "PAC3-MSE-JP")).isNull();
        JsonNode jp = http.get("/api/v1/supply-chain/networks/" + demoNetwork() + "/analysis",
                http.token("jp.industry", "demo")).json();
        assertThat(endItem(jp, "PAC3-MSE-JP")).isNotNull();
        assertThat(endItem(jp, "AIM-120-US")).as("other company's PROPIN site").isNull();
    }

    @Test
    void countryDisruptionShowsWhatStopsAndWhatBecomesCritical() {
        Http http = new Http(port);
        JsonNode view = http.get("/api/v1/supply-chain/networks/" + demoNetwork()
                + "/analysis?disruptCountry=CHN&concern=CHN", http.token("us.acq", "demo")).json();
        List<String> stopped = new ArrayList<>();
        view.get("stoppedEndItems").forEach(s -> stopped.add(s.asString()));
        assertThat(stopped).containsExactly("AIM-120-JP");
        List<String> lost = new ArrayList<>();
        view.get("lostInputs").forEach(l -> lost.add(l.get("node").get("code").asString() + "/" + l.get("item").asString()));
        assertThat(lost).contains("ACT-JP-1/magnets", "FA-JP-AMRAAM/control actuation");
        assertThat(codes(endItem(view, "AIM-120-US").get("singlePointsOfFailure"))).contains("ACT-US-1", "RE-AU-1");
        assertThat(endItem(view, "AIM-120-JP").get("operational").asBoolean()).isFalse();
        assertThat(endItem(view, "AIM-120-JP").get("singlePointsOfFailure").size()).isZero();
        JsonNode concentration = view.get("concentration").get("endItems");
        assertThat(concentration.size()).isEqualTo(4);
        for (JsonNode c : concentration) {
            assertThat(c.get("countryHhi").asDouble()).isBetween(0.0, 10000.0);
            assertThat(c.get("concernShare").asDouble()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void exportsCarryTheHighWaterMarkOfWhatTheyShow() {
        Http acq = new Http(port).signIn("us.acq", "demo");
        var csv = acq.get("/supply-chain/networks/" + demoNetwork() + "/single-points-of-failure.csv", null);
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).isEqualTo(lines[lines.length - 1]).contains("CUI").contains("PROPIN");
        assertThat(csv.body()).contains("AP-US-1");
        Http au = new Http(port).signIn("au.dod", "demo");
        var auCsv = au.get("/supply-chain/networks/" + demoNetwork() + "/single-points-of-failure.csv", null);
        assertThat(auCsv.body()).doesNotContain("AP-US-1").contains("withheld");
        assertThat(auCsv.header("X-DICAS-Marking")).startsWith("UNCLASSIFIED");
        var xlsx = acq.get("/supply-chain/networks/" + demoNetwork() + "/single-points-of-failure.xlsx", null);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("X-DICAS-Marking")).contains("CUI");
    }

    @Test
    void pagesRender() {
        Http web = new Http(port).signIn("jp.atla", "demo");
        // the language is remembered on the account and other tests use jp.atla in Japanese: ask for English
        assertThat(web.get("/supply-chain?lang=en", null).body()).contains("Missile co-production");
        String network = web.get("/supply-chain/networks/" + demoNetwork() + "?disruptCountry=CHN", null).body();
        assertThat(network).contains("AIM-120-JP", "Single points of failure");
        var graph = web.get("/supply-chain/networks/" + demoNetwork() + "/graph?endItem=PAC3-MSE-JP", null);
        assertThat(graph.status()).isEqualTo(200);
        assertThat(graph.body()).contains("network-graph", "echarts.min.js");
        var json = web.get("/supply-chain/networks/" + demoNetwork() + "/graph.json?endItem=PAC3-MSE-JP", null);
        assertThat(json.json().get("nodes").size()).isGreaterThan(5);
        assertThat(web.get("/webjars/echarts/5.3.1/dist/echarts.min.js", null).status()).isEqualTo(200);
    }

    @Test
    void importValidatesTheNetworkAndStoresANewVersion() {
        Http http = new Http(port);
        String acq = http.token("us.acq", "demo");
        Map<String, Object> cyclic = Map.of("program", "Test program", "name", "cyclic", "marking", "UNCLASSIFIED",
                "network", Map.of("nodes", List.of(Map.of("id", "A"), Map.of("id", "B")),
                        "inputs", List.of(Map.of("node", "A", "item", "x", "sources", List.of("B")),
                                Map.of("node", "B", "item", "y", "sources", List.of("A"))),
                        "endItems", List.of(Map.of("id", "E", "node", "A"))));
        var refused = http.post("/api/v1/supply-chain/networks", acq, cyclic);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("network");
        assertThat(refused.json().get("detail").asString()).containsAnyOf("cycle", "Cycle");
        Map<String, Object> ok = Map.of("program", "Test program", "name", "two nodes", "marking", "UNCLASSIFIED",
                "network", Map.of("nodes", List.of(Map.of("id", "A", "country", "USA"),
                                Map.of("id", "B", "country", "JPN", "marking", "CUI//NOFORN")),
                        "inputs", List.of(Map.of("node", "A", "item", "x", "sources", List.of("B"))),
                        "endItems", List.of(Map.of("id", "E", "node", "A"))));
        var first = http.post("/api/v1/supply-chain/networks", acq, ok);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var second = http.post("/api/v1/supply-chain/networks", acq, ok);
        assertThat(second.json().get("version").asInt()).isEqualTo(first.json().get("version").asInt() + 1);
        String jp = http.token("jp.atla", "demo");
        JsonNode jpView = http.get("/api/v1/supply-chain/networks/" + first.json().get("id").asLong() + "/analysis", jp).json();
        assertThat(endItem(jpView, "E").get("withheldSinglePointsOfFailure").asInt()).as("the NOFORN node B").isEqualTo(1);
        assertThat(http.post("/api/v1/supply-chain/networks", http.token("us.industry", "demo"), ok).status())
                .as("industry does not import").isEqualTo(403);
    }

    @Test
    void theImportFormsAreOfferedOnlyToUsersWhoMayImport() {
        String government = new Http(port).signIn("jp.msdf", "demo").get("/supply-chain", null).body();
        assertThat(government).contains("action=\"/supply-chain/networks\"", "action=\"/supply-chain/networks/csv");
        Http.Response industry = new Http(port).signIn("us.industry", "demo").get("/supply-chain", null);
        assertThat(industry.status()).isEqualTo(200);
        assertThat(industry.body()).doesNotContain("action=\"/supply-chain/networks\"",
                "action=\"/supply-chain/networks/csv");
    }

    static java.net.http.HttpResponse<String> multipart(int port, String token, Map<String, String> fields,
                                                         Map<String, String> files) throws Exception {
        String boundary = "----dicas" + System.nanoTime();
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        files.forEach((k, v) -> b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"; filename=\"").append(k).append(".csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .append(v).append("\r\n"));
        b.append("--").append(boundary).append("--\r\n");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/v1/supply-chain/networks/csv"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(b.toString())).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void spreadsheetsImportWithLineNumbersInErrors() throws Exception {
        String acq = new Http(port).token("us.acq", "demo");
        Map<String, String> fields = Map.of("program", "CSV program", "name", "from spreadsheets", "marking", "UNCLASSIFIED");
        String nodes = "id,name,company,country,ttrDays,capacity\nA,Assembly,Acme,USA,100,10\nB,Part,Beta,JPN,50,5\n";
        var bad = multipart(port, acq, fields, Map.of("nodes", nodes, "inputs", "node,item,sources\nA,part,B\nA,other,ZZZ\n"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("inputs.csv").contains("ZZZ").contains("3");
        var good = multipart(port, acq, fields, Map.of("nodes", nodes, "inputs", "node,item,sources\nA,part,B\n",
                "endItems", "id,node,program,inventoryDays\nE1,A,CSV program,30\n"));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
        long id = Http.JSON.readTree(good.body()).get("id").asLong();
        JsonNode view = new Http(port).get("/api/v1/supply-chain/networks/" + id + "/analysis", acq).json();
        assertThat(codes(endItem(view, "E1").get("singlePointsOfFailure"))).containsExactly("A", "B");
    }

    @Test
    void tablesFilterByNode() {
        Http web = new Http(port).signIn("us.acq", "demo");
        String page = web.get("/supply-chain/networks/" + demoNetwork() + "?filter=battery", null).body();
        assertThat(page).contains("BAT-US-1 Thermal battery").doesNotContain("SK-US-1 RF seeker —");
    }
}
