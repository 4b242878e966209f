package org.dicas.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Refused supply-chain input is explained in the caller's language ({@code Accept-Language}), the field as a code. */
@PlatformTest
class SupplyChainInJapaneseTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    JsonNode send(String method, String path, String token, String language, Object body) {
        Http.Response r = new Http(port).inLanguage(language).call(method, path, token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json();
    }

    @Test
    void aWhatIfNamingAnUnknownNodeIsRefusedInJapanese() throws Exception {
        String acq = new Http(port).token("us.acq", "demo");
        long net = jdbc.sql("select id from supply_network where program = 'Missile co-production' order by version "
                + "limit 1").query(Long.class).single();
        JsonNode ja = send("GET", "/api/v1/supply-chain/networks/" + net + "/analysis?disruptNode=NO-SUCH-NODE-9",
                acq, "ja", null);
        assertThat(ja.get("field").asString()).isEqualTo("disruptNode");
        assertThat(ja.get("messageKey").asString()).isEqualTo("sc.error.noNode");
        assertThat(ja.get("detail").asString()).isEqualTo("途絶させるノード：このネットワークにノード NO-SUCH-NODE-9 はありません");
    }

    @Test
    void aCyclicNetworkIsRefusedInJapaneseAndInEnglishAsTheCommandLineSaysIt() throws Exception {
        String acq = new Http(port).token("us.acq", "demo");
        Map<String, Object> cyclic = Map.of("program", "Test program", "name", "cyclic", "marking", "UNCLASSIFIED",
                "network", Map.of("nodes", List.of(Map.of("id", "A"), Map.of("id", "B")),
                        "inputs", List.of(Map.of("node", "A", "item", "x", "sources", List.of("B")),
                                Map.of("node", "B", "item", "y", "sources", List.of("A"))),
                        "endItems", List.of(Map.of("id", "E", "node", "A"))));
        JsonNode ja = send("POST", "/api/v1/supply-chain/networks", acq, "ja", cyclic);
        assertThat(ja.get("field").asString()).isEqualTo("network");
        assertThat(ja.get("messageKey").asString()).isEqualTo("network.error.cycle");
        assertThat(ja.get("detail").asString()).matches("ネットワーク：供給ネットワークにノード「[AB]」を通る循環があります");
        JsonNode en = send("POST", "/api/v1/supply-chain/networks", acq, "en", cyclic);
        assertThat(en.get("detail").asString()).matches("Network: cycle in the supply network through node '[AB]'");
    }
}
