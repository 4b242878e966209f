package org.dicas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Demo mode loads the forum of domain-brief.md and the demo users with exactly the attributes of the foundation issue. */
@PlatformTest
class DemoDataTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    record Expected(String nation, String accessLevel, String roles, String groups, boolean company) {
    }

    static final Map<String, Expected> USERS = Map.of(
            "us.policy", new Expected("USA", "CUI", "[\"POLICY\"]", "[\"PLENARY\"]", false),
            "us.acq", new Expected("USA", "CUI", "[\"ACQUISITION\"]", "[\"PLENARY\",\"WG-AIR\",\"WG-MISSILE\",\"WG-SCR\",\"WG-SHIP\"]", false),
            "us.navy", new Expected("USA", "CUI", "[\"SERVICE\"]", "[\"WG-SHIP\"]", false),
            "us.fdo", new Expected("USA", "CUI", "[\"DISCLOSURE_OFFICER\"]", "[\"PLENARY\"]", false),
            "us.industry", new Expected("USA", "UNCLASSIFIED", "[\"INDUSTRY\"]", "[\"WG-MISSILE\"]", true),
            "jp.atla", new Expected("JPN", "CUI", "[\"ACQUISITION\"]", "[\"PLENARY\",\"WG-AIR\",\"WG-MISSILE\",\"WG-SCR\",\"WG-SHIP\"]", false),
            "jp.msdf", new Expected("JPN", "CUI", "[\"SERVICE\"]", "[\"WG-SHIP\"]", false),
            "jp.industry", new Expected("JPN", "CUI", "[\"INDUSTRY\"]", "[\"WG-MISSILE\",\"WG-SHIP\"]", true),
            "au.dod", new Expected("AUS", "UNCLASSIFIED", "[\"ACQUISITION\"]", "[]", false),
            "admin", new Expected("USA", "CUI", "[\"ADMIN\"]", "[\"PLENARY\"]", false));

    @Test
    void everyDemoUserSignsInWithTheAttributesOfTheIssue() {
        Http http = new Http(port);
        assertThat(DemoUsers.usernames()).containsExactlyInAnyOrderElementsOf(USERS.keySet());
        USERS.forEach((username, e) -> {
            JsonNode me = http.get("/api/v1/me", http.token(username, "demo")).json();
            assertThat(me.get("nation").asString()).as(username).isEqualTo(e.nation());
            assertThat(me.get("accessLevel").asString()).as(username).isEqualTo(e.accessLevel());
            assertThat(me.get("roles").toString()).as(username).isEqualTo(e.roles());
            assertThat(me.get("groups").toString()).as(username).isEqualTo(e.groups());
            assertThat(me.get("company").isNull()).as(username).isEqualTo(!e.company());
        });
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    @Test
    void theForumOfDomainBriefIsLoaded() {
        assertThat(jdbc.sql("select code from working_group order by code").query(String.class).list())
                .contains("PLENARY", "MISSILE", "SHIP", "AIR", "SCR");
        assertThat(jdbc.sql("select count(*) from wg_co_chair where nation in ('USA', 'JPN')").query(Integer.class).single())
                .isGreaterThanOrEqualTo(10);
        assertThat(jdbc.sql("select count(*) from meeting where kind = 'PLENARY' and extract(year from starts_at) = 2024")
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(count("agenda_item")).isGreaterThan(20);
        assertThat(count("decision")).isGreaterThan(5);
        assertThat(count("action_item")).isGreaterThanOrEqualTo(12);
        assertThat(count("discussion_thread")).isGreaterThanOrEqualTo(6);
        assertThat(count("reply")).isGreaterThan(12);
        assertThat(count("document")).isGreaterThanOrEqualTo(8);
        assertThat(jdbc.sql("select count(*) from reply where deleted_at is not null").query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from reply where parent_id is not null").query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("select count(distinct marking) from record").query(Integer.class).single()).isGreaterThanOrEqualTo(10);
        assertThat(jdbc.sql("select count(*) from discussion_thread where title ~ '[ぁ-んァ-ン一-龥]'").query(Integer.class).single())
                .as("threads in Japanese").isPositive();
    }
}
