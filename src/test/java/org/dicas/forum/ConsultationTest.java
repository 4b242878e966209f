package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dicas.PlatformTest;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import tools.jackson.databind.JsonNode;

/**
 * Consultations reuse the forum's meetings: a meeting of kind CONSULTATION whose agenda items link records of any
 * module (shown only when readable) and whose decisions may move an opportunity's pipeline stage — the forum stores
 * the move and publishes {@link PipelineStageDecided}; it does not know the pipeline.
 */
@PlatformTest
@ExtendWith(PublishedEventsExtension.class)
class ConsultationTest {

    static final String REL = "CUI//REL TO USA, JPN";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MarkedRecords records;
    @Autowired
    Directory directory;
    @Autowired
    Meetings meetings;
    @Autowired
    ConfigurableApplicationContext context;

    Http http;
    String jp;
    String us;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        jp = Tokens.of(port, "jp.atla");
        us = Tokens.of(port, "us.acq");
    }

    /** A record of another module (a requirement, opportunity or program), referred to by id only. */
    long record(String author, String kind, String title, String marking) {
        DicasUser u = directory.userByUsername(author).orElseThrow();
        return records.register(kind, title, title, Marking.parse(marking), Optional.empty(), u,
                i -> "/records/" + i + "/history");
    }

    long consultation(String token, String title) {
        var m = http.post("/api/v1/meetings", token, Map.of("kind", "CONSULTATION", "titleEn", title,
                "titleJa", "協議 " + title, "startsAt", "2027-04-20T10:00:00", "endsAt", "2027-04-20T15:00:00",
                "timeZone", "Asia/Tokyo", "location", "Ichigaya", "marking", REL));
        assertThat(m.status()).as(m.body()).isEqualTo(201);
        assertThat(m.json().get("kind").asString()).isEqualTo("CONSULTATION");
        return m.json().get("id").asLong();
    }

    static Map<String, Object> decision(String text, Object opportunityId, String toStage) {
        Map<String, Object> d = new HashMap<>(Map.of("text", text, "marking", REL));
        if (opportunityId != null) {
            d.put("opportunityId", opportunityId);
        }
        if (toStage != null) {
            d.put("toStage", toStage);
        }
        return d;
    }

    int decisions() {
        return jdbc.sql("select count(*) from decision").query(Integer.class).single();
    }

    @Test
    void aConsultationIsAMeetingKindCreatedThroughTheApiAndThePage() {
        long id = consultation(us, "CONSTEST API consultation");
        assertThat(jdbc.sql("select kind from meeting where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("CONSULTATION");
        Http web = new Http(port).signIn("us.acq", "demo");
        var form = web.get("/meetings/new", null);
        assertThat(form.body()).contains("value=\"CONSULTATION\"");
        var r = web.form("/meetings", Http.csrf(form.body()), Map.of("kind", "CONSULTATION",
                "titleEn", "CONSTEST page consultation", "titleJa", "ページの協議", "startsAt", "2027-05-01T10:00",
                "endsAt", "2027-05-01T12:00", "timeZone", "Asia/Tokyo", "marking", REL));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        String page = web.get(r.header("Location") + "?lang=en", null).body();
        assertThat(page).contains("CONSTEST page consultation", "Consultation", "decision-opportunity");
        Http ja = new Http(port).signIn("jp.atla", "demo");
        assertThat(ja.get(r.header("Location") + "?lang=ja", null).body()).contains("協議");
        ja.get("/?lang=en", null); // the language choice is remembered for the user: leave jp.atla in English
    }

    @Test
    void agendaItemsLinkReadableRecordsAndWithholdTheOthers() {
        long meeting = consultation(jp, "CONSTEST linking");
        long shared = record("jp.atla", "TEST_REQUIREMENT", "CONSTEST shared requirement", REL);
        long japanOnly = record("jp.atla", "TEST_REQUIREMENT", "CONSTEST Japan-only requirement", "CUI//NOFORN");
        var a = http.post("/api/v1/meetings/" + meeting + "/agenda-items", jp, Map.of("title", "Shared need",
                "marking", REL, "linkedRecordId", shared));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(a.json().get("linkedRecordId").asLong()).isEqualTo(shared);
        assertThat(a.json().get("linkedTitle").asString()).isEqualTo("CONSTEST shared requirement");
        // the item is readable by both; its linked record only by Japan
        var b = http.post("/api/v1/meetings/" + meeting + "/agenda-items", jp, Map.of("title", "Japan need",
                "marking", REL, "linkedRecordId", japanOnly));
        assertThat(b.status()).isEqualTo(201);
        JsonNode theirs = http.get("/api/v1/meetings/" + meeting, us).json();
        JsonNode item = theirs.get("agenda").get(1);
        assertThat(item.get("title").asString()).isEqualTo("Japan need");
        assertThat(item.get("linkedTitle").isNull()).isTrue();
        assertThat(item.get("linkWithheld").asBoolean()).isTrue();
        assertThat(item.get("linkedRecordId").isNull()).as("not even the id of a withheld record").isTrue();
        assertThat(http.get("/api/v1/meetings/" + meeting, jp).json().get("agenda").get(1).get("linkedRecordId")
                .asLong()).isEqualTo(japanOnly);
        assertThat(theirs.toString()).doesNotContain("CONSTEST Japan-only requirement");
        String page = new Http(port).signIn("us.acq", "demo").get("/meetings/" + meeting + "?lang=en", null).body();
        assertThat(page).contains("CONSTEST shared requirement", "withheld")
                .doesNotContain("CONSTEST Japan-only requirement");
    }

    @Test
    void anAgendaItemCannotLinkARecordTheAuthorCannotRead() {
        long meeting = consultation(us, "CONSTEST refused link");
        long japanOnly = record("jp.atla", "TEST_REQUIREMENT", "CONSTEST hidden need", "CUI//NOFORN");
        int before = jdbc.sql("select count(*) from agenda_item").query(Integer.class).single();
        var r = http.post("/api/v1/meetings/" + meeting + "/agenda-items", us, Map.of("title", "Hidden",
                "marking", REL, "linkedRecordId", japanOnly));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("linkedRecordId");
        assertThat(http.post("/api/v1/meetings/" + meeting + "/agenda-items", us, Map.of("title", "Missing",
                "marking", REL, "linkedRecordId", 999_999_999L)).json().get("field").asString()).isEqualTo("linkedRecordId");
        assertThat(jdbc.sql("select count(*) from agenda_item").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aDecisionMovingAStageIsStoredShownAndPublishedOverHttp() {
        long meeting = consultation(us, "CONSTEST stage move");
        long opportunity = record("us.acq", "OPPORTUNITY", "CONSTEST trainer opportunity", REL);
        List<PipelineStageDecided> seen = new CopyOnWriteArrayList<>();
        // a listener of every event (Modulith's multicaster does not skip a lambda whose event type it cannot resolve)
        ApplicationListener<ApplicationEvent> listener = e -> {
            if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof PipelineStageDecided d
                    && d.meetingId() == meeting) {
                seen.add(d);
            }
        };
        ApplicationEventMulticaster multicaster = context.getBean(ApplicationEventMulticaster.class);
        multicaster.addApplicationListener(listener);
        try {
            var r = http.post("/api/v1/meetings/" + meeting + "/decisions", us,
                    decision("Study the trainer together", opportunity, "under_study"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            long decisionId = r.json().get("id").asLong();
            assertThat(r.json().get("toStage").asString()).isEqualTo("UNDER_STUDY");
            assertThat(r.json().get("opportunityId").asLong()).isEqualTo(opportunity);
            assertThat(seen).containsExactly(new PipelineStageDecided(decisionId, meeting, opportunity, "UNDER_STUDY",
                    directory.userByUsername("us.acq").orElseThrow().id()));
            assertThat(jdbc.sql("select to_stage from decision where id = :id").param("id", decisionId)
                    .query(String.class).single()).isEqualTo("UNDER_STUDY");
            // a plain decision publishes nothing
            assertThat(http.post("/api/v1/meetings/" + meeting + "/decisions", us, decision("Noted", null, null))
                    .status()).isEqualTo(201);
            assertThat(seen).hasSize(1);
        } finally {
            multicaster.removeApplicationListener(listener);
        }
        String page = new Http(port).signIn("us.acq", "demo").get("/meetings/" + meeting + "?lang=en", null).body();
        assertThat(page).contains("Moves to stage Under study", "CONSTEST trainer opportunity");
        Http jpWeb = new Http(port).signIn("jp.atla", "demo");
        String ja = jpWeb.get("/meetings/" + meeting + "?lang=ja", null).body();
        assertThat(ja).contains("段階「検討中」へ移行", "CONSTEST trainer opportunity");
        jpWeb.get("/?lang=en", null); // the language choice is remembered for the user: leave jp.atla in English
    }

    @Test
    void aDecisionMovingAStagePublishesTheEventAfterItIsSaved(AssertablePublishedEvents events) {
        DicasUser us = directory.userByUsername("us.acq").orElseThrow();
        long meeting = consultation(this.us, "CONSTEST service move");
        long opportunity = record("us.acq", "OPPORTUNITY", "CONSTEST co-production opportunity", REL);
        Decision d = meetings.addDecision(us, meeting, new DecisionCommand(null, "Agree the co-production", REL,
                opportunity, "AGREED"));
        assertThat(jdbc.sql("select count(*) from decision where id = :id and opportunity_id = :o")
                .param("id", d.id()).param("o", opportunity).query(Integer.class).single()).isEqualTo(1);
        assertThat(events).contains(PipelineStageDecided.class)
                .matching(PipelineStageDecided::decisionId, d.id())
                .matching(PipelineStageDecided::opportunityRecordId, opportunity)
                .matching(PipelineStageDecided::toStage, "AGREED")
                .matching(PipelineStageDecided::decidedByUserId, us.id());
    }

    @Test
    void badStageMovesAreRefusedNamingTheFieldAndNothingIsSaved() {
        long meeting = consultation(us, "CONSTEST bad moves");
        long opportunity = record("us.acq", "OPPORTUNITY", "CONSTEST opportunity", REL);
        long japanOnly = record("jp.atla", "OPPORTUNITY", "CONSTEST Japan-only opportunity", "CUI//NOFORN");
        int before = decisions();
        assertThat(http.post("/api/v1/meetings/" + meeting + "/decisions", us, decision("x", opportunity, "SIGNED"))
                .json().get("field").asString()).isEqualTo("toStage");
        assertThat(http.post("/api/v1/meetings/" + meeting + "/decisions", us, decision("x", opportunity, null))
                .json().get("field").asString()).isEqualTo("toStage");
        assertThat(http.post("/api/v1/meetings/" + meeting + "/decisions", us, decision("x", null, "LEAD"))
                .json().get("field").asString()).isEqualTo("opportunityId");
        var hidden = http.post("/api/v1/meetings/" + meeting + "/decisions", us, decision("x", japanOnly, "LEAD"));
        assertThat(hidden.status()).isEqualTo(400);
        assertThat(hidden.json().get("field").asString()).isEqualTo("opportunityId");
        // only a consultation's decisions move stages
        var plenary = http.post("/api/v1/meetings", us, Map.of("kind", "PLENARY", "titleEn", "CONSTEST plenary",
                "titleJa", "本会合", "startsAt", "2027-04-21T10:00:00", "endsAt", "2027-04-21T12:00:00",
                "timeZone", "Asia/Tokyo", "marking", REL)).json().get("id").asLong();
        assertThat(http.post("/api/v1/meetings/" + plenary + "/decisions", us, decision("x", opportunity, "LEAD"))
                .json().get("field").asString()).isEqualTo("opportunityId");
        assertThat(decisions()).isEqualTo(before);
        DicasUser usUser = directory.userByUsername("us.acq").orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> meetings.addDecision(usUser, meeting,
                        new DecisionCommand(null, "x", REL, japanOnly, "LEAD")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDecisionMovesOnlyAnOpportunityNotARecordOfAnotherKind() {
        long meeting = consultation(us, "CONSTEST wrong kind");
        long requirement = record("us.acq", "REQUIREMENT", "CONSTEST readable requirement", REL);
        long program = record("us.acq", "PROGRAM", "CONSTEST readable program", REL);
        int before = decisions();
        for (long id : new long[]{requirement, program, meeting}) {
            var r = http.post("/api/v1/meetings/" + meeting + "/decisions", us, decision("x", id, "CANDIDATE"));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("field").asString()).isEqualTo("opportunityId");
            assertThat(r.body()).contains("not an opportunity");
        }
        var huge = http.post("/api/v1/meetings/" + meeting + "/decisions", us, decision("x", Long.MAX_VALUE, "LEAD"));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("field").asString()).isEqualTo("opportunityId");
        assertThat(decisions()).isEqualTo(before);
    }

    @Test
    void theDemoHoldsAnAcquisitionConsultationLinkingPrograms() {
        JsonNode all = http.all("/api/v1/meetings", us);
        JsonNode found = null;
        for (JsonNode m : all) {
            if (m.get("kind").asString().equals("CONSULTATION") && m.get("titleEn").asString()
                    .equals("U.S.–Japan acquisition consultation")) {
                found = m;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.get("startsAt").asString()).startsWith("2025-");
        JsonNode details = http.get("/api/v1/meetings/" + found.get("id").asLong(), us).json();
        assertThat(details.get("agenda").size()).isGreaterThanOrEqualTo(3);
        JsonNode first = details.get("agenda").get(0);
        assertThat(first.get("linkedLink").asString()).startsWith("/programs/");
        // the program's page lists the consultation agenda items that discussed it
        String program = new Http(port).signIn("us.acq", "demo").get(first.get("linkedLink").asString(), null).body();
        assertThat(program).contains(first.get("title").asString(),
                "/meetings/" + found.get("id").asLong() + "#agenda-" + first.get("id").asLong());
    }
}
