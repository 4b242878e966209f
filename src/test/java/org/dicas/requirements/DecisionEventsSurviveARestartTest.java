package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dicas.forum.PipelineStageDecided;
import org.dicas.security.Directory;
import org.dicas.security.DicasUser;
import org.dicas.support.Http;
import org.dicas.support.Nodes;
import org.dicas.support.Nodes.Node;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cross-module events go through Spring Modulith's event publication registry in PostgreSQL (ADR 0018): a
 * consultation decision's {@link PipelineStageDecided} is stored with the publishing transaction and completed once
 * the pipeline applied it; a publication left incomplete — the node stopped between the commit and the delivery —
 * is delivered when the node starts again, and a publication delivered twice moves the opportunity once.
 */
class DecisionEventsSurviveARestartTest {

    static final String LISTENER = "org.dicas.requirements.internal.PipelineDecisionListener";

    @Test
    void aPublicationLeftIncompleteIsDeliveredOnRestartAndOnlyOnce() {
        try (Nodes nodes = Nodes.onEmptyDatabase()) {
            Node a = nodes.node("a");
            JdbcClient jdbc = a.bean(JdbcClient.class);
            DicasUser us = a.bean(Directory.class).userByUsername("us.acq").orElseThrow();
            Http http = new Http(URI.create(a.baseUrl()).getPort());
            String token = http.token("jp.atla", "demo");
            List<String> pair = List.of("PAC-3 MSE interceptor production ramp-up",
                    "ペトリオットPAC-3 MSE迎撃ミサイルのライセンス生産能力の増強");
            List<Long> requirements = a.bean(Requirements.class).readable(us).stream()
                    .filter(r -> pair.contains(r.titleEn()) || pair.contains(r.titleJa())).map(Requirement::id)
                    .toList();
            var created = http.post("/api/v1/opportunities", token, Map.of("title", "Registry test opportunity",
                    "requirementIds", requirements, "nextStep", "Meet"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long opportunity = created.json().get("id").asLong();
            String initial = created.json().get("stage").asString();

            // delivered at once, and the registry knows it: the publication is completed
            ApplicationEventPublisher events = a.context();
            new TransactionTemplate(a.bean(PlatformTransactionManager.class)).executeWithoutResult(s -> events
                    .publishEvent(new PipelineStageDecided(9101, 9100, opportunity, initial, us.id())));
            var delivered = jdbc.sql("""
                            select listener_id, event_type, serialized_event, completion_date is not null
                            from event_publication where serialized_event like '%9101%'""")
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBoolean(4)})
                    .single();
            assertThat((String) delivered[0]).startsWith(LISTENER);
            assertThat((Boolean) delivered[3]).as("completed").isTrue();
            int history = history(jdbc, opportunity);

            // decision 9102 was committed with its publication, and the node stopped before delivering it
            ObjectNode event = (ObjectNode) Http.JSON.readTree((String) delivered[2]);
            event.put("decisionId", 9102).put("toStage", "UNDER_STUDY");
            UUID lost = incomplete(jdbc, (String) delivered[0], (String) delivered[1], event.toString());
            a.close();
            a = nodes.node("a");
            jdbc = a.bean(JdbcClient.class);
            assertThat(completed(jdbc, lost)).as("delivered on restart").isTrue();
            assertThat(stage(jdbc, opportunity)).isEqualTo("UNDER_STUDY");
            assertThat(history(jdbc, opportunity)).isEqualTo(history + 1);

            // the same publication delivered again (another node republished it too) changes nothing
            UUID again = incomplete(jdbc, (String) delivered[0], (String) delivered[1], event.toString());
            a.close();
            a = nodes.node("a");
            jdbc = a.bean(JdbcClient.class);
            assertThat(completed(jdbc, again)).isTrue();
            assertThat(stage(jdbc, opportunity)).isEqualTo("UNDER_STUDY");
            assertThat(history(jdbc, opportunity)).as("applied once").isEqualTo(history + 1);
        }
    }

    static UUID incomplete(JdbcClient jdbc, String listener, String type, String serialized) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                                       status, completion_attempts)
                        values (:id, :l, :t, :e, now(), 'PUBLISHED', 0)""")
                .param("id", id).param("l", listener).param("t", type).param("e", serialized).update();
        return id;
    }

    static boolean completed(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select completion_date is not null from event_publication where id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    static String stage(JdbcClient jdbc, long opportunity) {
        return jdbc.sql("select stage from opportunity where id = :id").param("id", opportunity).query(String.class)
                .single();
    }

    static int history(JdbcClient jdbc, long opportunity) {
        return jdbc.sql("select count(*) from opportunity_event where opportunity_id = :id").param("id", opportunity)
                .query(Integer.class).single();
    }
}
