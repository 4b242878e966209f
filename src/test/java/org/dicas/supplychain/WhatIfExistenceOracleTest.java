package org.dicas.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dicas.PlatformTest;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What-ifs are no existence oracle: every input naming a node (or an end item, a country, a company) treats what the
 * reader may not see exactly like what does not exist — same status, same message, nothing about it — and an unknown
 * name is a clear 400 naming the parameter and the value, on the API and on the page (with the page's chrome).
 */
@PlatformTest
class WhatIfExistenceOracleTest {

    static final String UNKNOWN_NODE = "NO-SUCH-NODE-9";
    static final String ID = "{id}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;
    @Autowired
    SupplyNetworks networks;

    long demoNetwork() {
        return jdbc.sql("select id from supply_network where program = 'Missile co-production' order by version limit 1")
                .query(Long.class).single();
    }

    /** Nodes of a network the user may not read, found in the database (sorted). */
    List<String> hiddenNodes(String username, long network) {
        DicasUser user = directory.userByUsername(username).orElseThrow();
        Set<String> visible = networks.nodes(user, network).keySet();
        return jdbc.sql("select code from supply_node where network_id = :n order by code").param("n", network)
                .query(String.class).list().stream().filter(c -> !visible.contains(c)).toList();
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A page with its per-request CSRF token blanked and {@code value} replaced by a placeholder. */
    static String pageShape(String page, String value) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"")
                .replace(value, ID).replace(q(value), ID);
    }

    static void assertProblemNaming(Http.Response r, String field, String detail) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("field").asString()).isEqualTo(field);
        assertThat(r.json().get("detail").asString()).isEqualTo(detail);
    }

    static void assertPageWithChromeShowing(Http.Response r, String error) {
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("class=\"site-header\"", "class=\"site-footer\"", "class=\"error-summary\"",
                error.replace("'", "&#39;"));
    }

    @Test
    void aHiddenNodeIdIsAnsweredExactlyLikeAnUnknownOneOnTheApi() {
        long net = demoNetwork();
        List<String> hidden = hiddenNodes("us.industry", net);
        assertThat(hidden).as("the demo network hides nodes from us.industry").isNotEmpty();
        Http http = new Http(port);
        String token = http.token("us.industry", "demo");
        String path = "/api/v1/supply-chain/networks/" + net + "/analysis?disruptNode=";
        var unknown = http.get(path + q(UNKNOWN_NODE), token);
        assertProblemNaming(unknown, "disruptNode", "Node to disrupt: no node " + UNKNOWN_NODE + " in this network");
        for (String h : hidden) {
            var r = http.get(path + q(h), token);
            assertThat(r.status()).as(h).isEqualTo(unknown.status());
            assertThat(r.header("Content-Type")).isEqualTo(unknown.header("Content-Type"));
            assertThat(r.body().replace(h, ID)).as(h).isEqualTo(unknown.body().replace(UNKNOWN_NODE, ID));
        }
        // one hidden among visible ones is refused all the same, naming only the one at fault
        String visible = "FA-US-AMRAAM";
        var mixed = http.get(path + q(visible) + "&disruptNode=" + q(hidden.get(0)), token);
        assertProblemNaming(mixed, "disruptNode", "Node to disrupt: no node " + hidden.get(0) + " in this network");
    }

    @Test
    void aHiddenNodeIdIsAnsweredExactlyLikeAnUnknownOneOnThePage() {
        long net = demoNetwork();
        String hidden = hiddenNodes("us.industry", net).get(0);
        Http web = new Http(port).signIn("us.industry", "demo");
        String path = "/supply-chain/networks/" + net + "?lang=en&disruptNode=";
        var unknown = web.get(path + q(UNKNOWN_NODE), null);
        assertPageWithChromeShowing(unknown, "Node to disrupt: no node " + UNKNOWN_NODE + " in this network");
        var r = web.get(path + q(hidden), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(pageShape(r.body(), hidden)).isEqualTo(pageShape(unknown.body(), UNKNOWN_NODE));
        // the form keeps what was typed, so it can be corrected
        assertThat(unknown.body()).contains("value=\"" + UNKNOWN_NODE + "\"");
    }

    @Test
    void nodeIdsMatchExactlySoALowerCaseIdIsUnknownNotAnError() {
        long net = demoNetwork();
        Http http = new Http(port);
        String token = http.token("us.industry", "demo");
        Http web = new Http(port).signIn("us.industry", "demo");
        for (String id : List.of("fa-us-amraam", hiddenNodes("us.industry", net).get(0).toLowerCase())) {
            var api = http.get("/api/v1/supply-chain/networks/" + net + "/analysis?disruptNode=" + q(id), token);
            assertProblemNaming(api, "disruptNode", "Node to disrupt: no node " + id + " in this network");
            var page = web.get("/supply-chain/networks/" + net + "?lang=en&disruptNode=" + q(id), null);
            assertPageWithChromeShowing(page, "Node to disrupt: no node " + id + " in this network");
        }
    }

    @Test
    void aVisibleNodeStillDisrupts() {
        long net = demoNetwork();
        Http http = new Http(port);
        var r = http.get("/api/v1/supply-chain/networks/" + net + "/analysis?disruptNode=FA-US-AMRAAM",
                http.token("us.industry", "demo"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> stopped = new ArrayList<>();
        r.json().get("stoppedEndItems").forEach(s -> stopped.add(s.asString()));
        assertThat(stopped).contains("AIM-120-US");
        Http web = new Http(port).signIn("us.industry", "demo");
        var page = web.get("/supply-chain/networks/" + net + "?lang=en&disruptNode=FA-US-AMRAAM", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"notice\"").doesNotContain("class=\"error-summary\"");
    }

    @Test
    void aHiddenEndItemIsAnsweredExactlyLikeAnUnknownOneInTheGraph() {
        long net = demoNetwork();
        String hidden = "PAC3-MSE-JP";
        String unknown = "NO-SUCH-ITEM-9";
        Http http = new Http(port);
        String token = http.token("us.industry", "demo");
        assertThat(http.get("/api/v1/supply-chain/networks/" + net + "/graph?endItem=AIM-120-US", token).status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/supply-chain/networks/" + net + "/analysis", token).body())
                .as("precondition: us.industry does not see the Japanese PAC-3 line").doesNotContain(hidden);
        var apiUnknown = http.get("/api/v1/supply-chain/networks/" + net + "/graph?endItem=" + unknown, token);
        assertProblemNaming(apiUnknown, "endItem", "End item: no end item " + unknown + " in this network");
        var apiHidden = http.get("/api/v1/supply-chain/networks/" + net + "/graph?endItem=" + hidden, token);
        assertThat(apiHidden.status()).isEqualTo(400);
        assertThat(apiHidden.body().replace(hidden, ID)).isEqualTo(apiUnknown.body().replace(unknown, ID));

        Http web = new Http(port).signIn("us.industry", "demo");
        String page = "/supply-chain/networks/" + net + "/graph?lang=en&endItem=";
        var pageUnknown = web.get(page + unknown, null);
        assertPageWithChromeShowing(pageUnknown, "End item: no end item " + unknown + " in this network");
        var pageHidden = web.get(page + hidden, null);
        assertThat(pageHidden.status()).isEqualTo(400);
        assertThat(pageShape(pageHidden.body(), hidden)).isEqualTo(pageShape(pageUnknown.body(), unknown));

        String json = "/supply-chain/networks/" + net + "/graph.json?endItem=";
        var jsonUnknown = web.get(json + unknown, null);
        assertProblemNaming(jsonUnknown, "endItem", "End item: no end item " + unknown + " in this network");
        var jsonHidden = web.get(json + hidden, null);
        assertThat(jsonHidden.status()).isEqualTo(400);
        assertThat(jsonHidden.body().replace(hidden, ID)).isEqualTo(jsonUnknown.body().replace(unknown, ID));
    }

    /**
     * A network where one country and one company have only nodes us.industry may not read (CUI), and a company has
     * a readable node (S1, feeding A) and a hidden one (S2, the only source of B).
     */
    long networkWithHiddenCountryAndCompany(Http http, String acq) {
        Map<String, Object> body = Map.of("program", "Oracle test", "name", "hidden country and company",
                "marking", "UNCLASSIFIED", "network", Map.of(
                        "nodes", List.of(
                                Map.of("id", "A", "company", "Open Co", "country", "USA"),
                                Map.of("id", "B", "company", "Open Co", "country", "USA"),
                                Map.of("id", "H", "company", "Hidden Co", "country", "KOR", "marking", "CUI"),
                                Map.of("id", "S1", "company", "Shared Co", "country", "USA"),
                                Map.of("id", "S2", "company", "Shared Co", "country", "USA", "marking", "CUI")),
                        "inputs", List.of(
                                Map.of("node", "A", "item", "hidden part", "sources", List.of("H", "S1")),
                                Map.of("node", "A", "item", "shared part", "sources", List.of("S1")),
                                Map.of("node", "B", "item", "shared part", "sources", List.of("S2"))),
                        "endItems", List.of(Map.of("id", "E-A", "node", "A"), Map.of("id", "E-B", "node", "B"))));
        var r = http.post("/api/v1/supply-chain/networks", acq, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isString() ? n.asString() : n.toString()));
        return out;
    }

    @Test
    void countriesAndCompaniesWithOnlyHiddenNodesAreAnsweredLikeUnknownOnes() {
        Http http = new Http(port);
        long net = networkWithHiddenCountryAndCompany(http, http.token("us.acq", "demo"));
        assertThat(new HashSet<>(hiddenNodes("us.industry", net))).isEqualTo(Set.of("H", "S2"));
        String token = http.token("us.industry", "demo");
        Http web = new Http(port).signIn("us.industry", "demo");
        String[][] cases = {{"disruptCountry", "KOR", "BRA", "no node in country %s in this network", "Country to disrupt"},
                {"disruptCompany", "Hidden Co", "Nobody Co", "no node of company %s in this network", "Company to disrupt"}};
        for (String[] c : cases) {
            String param = c[0];
            String hidden = c[1];
            String unknown = c[2];
            String label = c[4];
            var apiUnknown = http.get("/api/v1/supply-chain/networks/" + net + "/analysis?" + param + "=" + q(unknown), token);
            assertProblemNaming(apiUnknown, param, label + ": " + c[3].formatted(unknown));
            var apiHidden = http.get("/api/v1/supply-chain/networks/" + net + "/analysis?" + param + "=" + q(hidden), token);
            assertThat(apiHidden.status()).isEqualTo(400);
            assertThat(apiHidden.body().replace(hidden, ID)).isEqualTo(apiUnknown.body().replace(unknown, ID));
            var pageUnknown = web.get("/supply-chain/networks/" + net + "?lang=en&" + param + "=" + q(unknown), null);
            assertPageWithChromeShowing(pageUnknown, label + ": " + c[3].formatted(unknown));
            var pageHidden = web.get("/supply-chain/networks/" + net + "?lang=en&" + param + "=" + q(hidden), null);
            assertThat(pageHidden.status()).isEqualTo(400);
            assertThat(pageShape(pageHidden.body(), hidden)).isEqualTo(pageShape(pageUnknown.body(), unknown));
        }
        // the government reader who sees every node may disrupt them
        var acq = http.get("/api/v1/supply-chain/networks/" + net + "/analysis?disruptCountry=KOR",
                http.token("us.acq", "demo"));
        assertThat(acq.status()).as(acq.body()).isEqualTo(200);
    }

    @Test
    void aCompanyDisruptionTakesOutOnlyTheNodesTheReaderMayRead() {
        Http http = new Http(port);
        long net = networkWithHiddenCountryAndCompany(http, http.token("us.acq", "demo"));
        String token = http.token("us.industry", "demo");
        String base = "/api/v1/supply-chain/networks/" + net + "/analysis?";
        JsonNode byCompany = http.get(base + "disruptCompany=" + q("Shared Co"), token).json();
        JsonNode byNode = http.get(base + "disruptNode=S1", token).json();
        for (String field : List.of("stoppedEndItems", "withheldStoppedEndItems", "lostInputs", "withheldLostInputs",
                "endItems", "criticalNodes", "withheldCriticalNodes")) {
            assertThat(byCompany.get(field)).as(field).isEqualTo(byNode.get(field));
        }
        // E-B depends on the hidden Shared Co node only: stopping it would tell that Shared Co has a node there
        assertThat(texts(byCompany.get("stoppedEndItems"))).containsExactly("E-A");
        assertThat(byCompany.get("withheldStoppedEndItems").asInt()).isZero();
        // while the reader who sees both Shared Co nodes sees both end items stop
        JsonNode acq = http.get(base + "disruptCompany=" + q("Shared Co"), http.token("us.acq", "demo")).json();
        assertThat(texts(acq.get("stoppedEndItems"))).containsExactlyInAnyOrder("E-A", "E-B");
    }
}
