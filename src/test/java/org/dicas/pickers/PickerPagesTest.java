package org.dicas.pickers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pickers' matches (issue 15, point 2): each endpoint lists only what the signed-in user may read — a hidden
 * record never appears, not by a part of its title nor by its id; people offered for a record are only those who may
 * read it; a record's title shows in the reader's language first — and the forms offer the picker where an id was
 * typed, posting the same field.
 */
@PlatformTest
class PickerPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private long requirement(String user, String titleEn, String titleJa, String marking) {
        Http api = new Http(port);
        String token = api.token(user, "demo");
        Map<String, Object> b = new HashMap<>();
        b.put("service", "陸上自衛隊");
        b.put("capabilityArea", "MUNITIONS.ANTI_SHIP");
        if (titleEn != null) {
            b.put("titleEn", titleEn);
        }
        b.put("titleJa", titleJa);
        b.put("needBy", "2030-03-31");
        b.put("marking", marking);
        var r = api.post("/api/v1/requirements", token, b);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static Http.Response pick(Http web, String path) {
        return web.get(path + (path.contains("?") ? "&" : "?") + "for=f", null);
    }

    private static Document options(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return Jsoup.parseBodyFragment(r.body());
    }

    @Test
    void aRecordHiddenFromTheUserIsNeverOfferedNeitherByItsTitleNorByItsId() {
        long hidden = requirement("jp.atla", null, "PICKTEST 国内限定の沿岸監視", "CUI//NOFORN");
        Http us = new Http(port).signIn("us.acq", "demo");
        for (String q : new String[] {"PICKTEST 国内限定", String.valueOf(hidden), "#" + hidden}) {
            var r = pick(us, "/pick/records?kind=requirement&q=" + enc(q));
            Document d = options(r);
            assertThat(d.select("[role=option]")).isEmpty();
            assertThat(r.body()).doesNotContain("data-value=\"" + hidden + "\"");
            // the only trace of it is what the user typed, said back
            assertThat(d.select(".picker-empty").text()).isEqualTo("No record you may read matches “" + q + "”.");
            assertThat(d.select(".picker-empty").remove().outerHtml()).doesNotContain("国内限定の沿岸監視");
            assertThat(d.html()).doesNotContain("国内限定");
        }
        // its author's nation reads it: found by a part of the title and by its id, marked as it is
        Http jp = new Http(port).signIn("jp.atla", "demo");
        var byTitle = pick(jp, "/pick/records?kind=requirement&q=" + enc("国内限定の沿岸"));
        assertThat(options(byTitle).select("[role=option][data-value=" + hidden + "]")).hasSize(1);
        assertThat(byTitle.header("X-DICAS-Marking")).isEqualTo("CUI//NOFORN");
        assertThat(options(pick(jp, "/pick/records?q=" + hidden)).select("[role=option]").first().attr("data-value"))
                .isEqualTo(String.valueOf(hidden));
        // a kind that is not asked for is not offered
        assertThat(options(pick(jp, "/pick/records?kind=opportunity&q=" + hidden)).select("[role=option]")).isEmpty();
    }

    @Test
    void aRecordsTitleIsOfferedInTheReadersLanguageFirst() {
        long id = requirement("jp.atla", "PICKTEST Coastal surveillance radar", "PICKTEST 沿岸監視レーダー",
                "CUI//REL TO JPN, USA");
        Http ja = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        Document jaOptions = options(pick(ja, "/pick/records?kind=requirement&q=" + enc("沿岸監視レーダー")));
        var option = jaOptions.select("[role=option][data-value=" + id + "]").first();
        assertThat(option).isNotNull();
        assertThat(option.select(".picker-option-label").attr("lang")).isEqualTo("ja");
        assertThat(option.select(".picker-option-label").text()).isEqualTo("PICKTEST 沿岸監視レーダー");
        assertThat(option.select(".picker-option-other").attr("lang")).isEqualTo("en");
        assertThat(option.select(".picker-option-other").text()).isEqualTo("PICKTEST Coastal surveillance radar");
        assertThat(option.attr("data-label")).isEqualTo("PICKTEST 沿岸監視レーダー");
        assertThat(option.select(".picker-option-detail").text()).isEqualTo("運用要求（#" + id + "）");
        assertThat(option.select(".portion").text()).contains("CUI");
        assertThat(jaOptions.select(".picker-marking").text()).isEqualTo("候補の最高区分表示：CUI//REL TO JPN, USA");
        // the English title matches too, and an English reader sees it first
        Http en = new Http(port).signIn("us.acq", "demo");
        var enOption = options(pick(en, "/pick/records?kind=requirement&q=" + enc("coastal SURVEILLANCE radar")))
                .select("[role=option][data-value=" + id + "]").first();
        assertThat(enOption).isNotNull();
        assertThat(enOption.select(".picker-option-label").attr("lang")).isEqualTo("en");
        assertThat(enOption.select(".picker-option-other").text()).isEqualTo("PICKTEST 沿岸監視レーダー");
    }

    @Test
    void peopleOfferedForARecordAreOnlyThoseWhoMayReadIt() {
        long id = requirement("jp.atla", null, "PICKTEST 担当者の候補", "CUI//NOFORN");
        Http jp = new Http(port).signIn("jp.atla", "demo");
        // an American may not read a Japanese NOFORN record: not offered
        Document us = options(pick(jp, "/pick/people?readableRecord=" + id + "&q=Michael"));
        assertThat(us.select("[role=option]")).isEmpty();
        assertThat(us.select(".picker-empty").text()).isEqualTo("No one who may read the record matches “Michael”.");
        // a Japanese official may: offered with name, organisation and nation
        Document jmsdf = options(pick(jp, "/pick/people?readableRecord=" + id + "&q=JMSDF"));
        assertThat(jmsdf.select("[role=option]")).isNotEmpty();
        assertThat(jmsdf.select("[role=option]").text()).contains("JMSDF", "Japan").doesNotContain("United States");
        // without a record, anyone by name
        Document anyone = options(pick(jp, "/pick/people?q=Michael"));
        assertThat(anyone.select("[role=option] .picker-option-label").text()).isEqualTo("Michael Trent");
        assertThat(anyone.select("[role=option] .picker-option-detail").text()).isEqualTo("OUSD(A&S) · United States");
        // a record the asker may not read is not found, exactly like a missing one
        Http usWeb = new Http(port).signIn("us.acq", "demo");
        assertThat(pick(usWeb, "/pick/people?readableRecord=" + id + "&q=a").status()).isEqualTo(404);
        assertThat(pick(usWeb, "/pick/people?readableRecord=999999999&q=a").status()).isEqualTo(404);
    }

    @Test
    void supplyChainNodesHiddenFromTheUserAreNotOffered() {
        Http au = new Http(port).signIn("au.dod", "demo");
        Document d = options(pick(au, "/pick/nodes?q=AMRAAM"));
        // the Japanese line is released to the United States and Japan only
        assertThat(d.select("[role=option]").text()).contains("FA-US-AMRAAM").doesNotContain("FA-JP-AMRAAM");
        Http jp = new Http(port).signIn("jp.atla", "demo");
        Document jpNodes = options(pick(jp, "/pick/nodes?q=AMRAAM"));
        assertThat(jpNodes.select("[role=option]").text()).contains("FA-US-AMRAAM", "FA-JP-AMRAAM");
        // across networks the value is the node's record id; within one network, its code (the what-if's)
        assertThat(jpNodes.select("[role=option]").first().attr("data-value")).matches("\\d+");
        String network = jpNodes.select("[role=option]").first().select(".picker-option-detail").text();
        assertThat(network).isNotBlank();
        long networkId = jdbc.sql("select network_id from supply_node where code = 'FA-JP-AMRAAM' order by id limit 1")
                .query(Long.class).single();
        assertThat(options(pick(jp, "/pick/nodes?network=" + networkId + "&q=AMRAAM")).select("[role=option]")
                .eachAttr("data-value")).contains("FA-US-AMRAAM", "FA-JP-AMRAAM");
        assertThat(options(pick(au, "/pick/nodes?network=" + networkId + "&q=AMRAAM")).select("[role=option]")
                .eachAttr("data-value")).contains("FA-US-AMRAAM").doesNotContain("FA-JP-AMRAAM");
        assertThat(pick(au, "/pick/nodes?network=999999999&q=AMRAAM").status()).isEqualTo(404);
    }

    @Test
    void repairFacilitiesHiddenFromTheUserAreNotOffered() {
        Http industry = new Http(port).signIn("us.industry", "demo");
        Document d = options(pick(industry, "/pick/facilities?resourceKind=DRYDOCK&q=DD"));
        String shown = d.select("[role=option]").eachAttr("data-value").toString();
        // unclassified yards are offered; CUI ones (Sasebo, and Nagasaki's PROPIN capacity) are not
        assertThat(shown).contains("YKS-DD1", "GUM-DD1").doesNotContain("SSB-DD1", "NGS-DD1");
        // released to the United States and Japan only: nothing for Australia
        Http au = new Http(port).signIn("au.dod", "demo");
        Document none = options(pick(au, "/pick/facilities?q=yard"));
        assertThat(none.select("[role=option]")).isEmpty();
        assertThat(none.select(".picker-empty").text())
                .isEqualTo("No resource of a repair facility you may read matches “yard”.");
        // only the kinds asked for
        Http navy = new Http(port).signIn("us.navy", "demo");
        assertThat(options(pick(navy, "/pick/facilities?resourceKind=PIER&q=JP-")).select("[role=option]")
                .eachAttr("data-value")).isNotEmpty().allMatch(v -> v.contains("-P"));
    }

    @Test
    void anEmptySearchAsksToTypeAndBadParametersAreRefused() {
        Http ja = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        assertThat(options(pick(ja, "/pick/records?q=")).select(".picker-empty").text()).isEqualTo("入力すると検索します。");
        assertThat(ja.get("/pick/records?q=a&for=" + enc("x\" onmouseover=\"alert(1)"), null).status()).isEqualTo(400);
        assertThat(pick(ja, "/pick/records?kind=" + enc("<b>") + "&q=a").status()).isEqualTo(400);
        assertThat(pick(ja, "/pick/records?q=" + "x".repeat(201)).status()).isEqualTo(400);
    }

    @Test
    void formsOfferThePickerWhereAnIdWasTypedAndStillPostTheSameField() {
        Http jp = new Http(port).signIn("jp.atla", "demo");
        Document form = Jsoup.parse(jp.get("/programs/new", null).body());
        var field = form.select("input#requirementIds[name=requirementIds]").first();
        assertThat(field).isNotNull();
        assertThat(field.attr("type")).isEqualTo("text");
        var search = form.select("input#requirementIds-search").first();
        assertThat(search.attr("hx-get")).isEqualTo("/pick/records?kind=requirement&for=requirementIds");
        assertThat(search.attr("role")).isEqualTo("combobox");
        assertThat(search.attr("aria-controls")).isEqualTo("requirementIds-listbox");
        // the search box belongs to no form: the form posts the field alone
        assertThat(search.attr("form")).isEqualTo("requirementIds-unsubmitted");
        assertThat(form.select("form#requirementIds-unsubmitted")).isEmpty();
        assertThat(form.select("script[src=/js/picker.js]")).hasSize(1);
        // the SoSA request's supplier node: the readable nodes of every network, by record id
        Document sosa = Jsoup.parse(jp.get("/sosa/requests/new", null).body());
        assertThat(sosa.select("input#supplierNodeId[name=supplierNodeId]")).hasSize(1);
        assertThat(sosa.select("input#supplierNodeId-search").attr("hx-get")).isEqualTo("/pick/nodes?for=supplierNodeId");
    }

    @Test
    void attendeesAndMembersOfferedAreThoseWhoMayReadTheRecordWithTheMarkingTheFormHolds() {
        Http jp = new Http(port).signIn("jp.atla", "demo");
        // a new meeting marked Japanese-only: no American is offered, a Japanese official is
        String noforn = "&marking=" + enc("CUI//NOFORN");
        Document none = options(pick(jp, "/pick/people?offer=attendees" + noforn + "&q=Michael"));
        assertThat(none.select("[role=option]")).isEmpty();
        assertThat(none.select(".picker-empty").text()).isEqualTo("No one who may read the record matches “Michael”.");
        assertThat(options(pick(jp, "/pick/people?offer=attendees" + noforn + "&q=JMSDF"))
                .select("[role=option] .picker-option-detail").text()).contains("JMSDF");
        // released to the United States as the form now holds it: the American is offered
        String rel = "&marking=" + enc("CUI//REL TO JPN, USA");
        assertThat(options(pick(jp, "/pick/people?offer=attendees" + rel + "&q=Michael"))
                .select("[role=option]").eachAttr("data-label")).containsExactly("Michael Trent");
        // Australia may read UNCLASSIFIED only: a CUI working group offers her not, an UNCLASSIFIED one does
        assertThat(options(pick(jp, "/pick/people?offer=members&marking=CUI&q=Emma")).select("[role=option]")).isEmpty();
        assertThat(options(pick(jp, "/pick/people?offer=members&marking=UNCLASSIFIED&q=Emma"))
                .select("[role=option]").eachAttr("data-label")).containsExactly("Emma Clarke");
        // a marking not finished yet offers no one for a new record
        assertThat(options(pick(jp, "/pick/people?offer=members&marking=CUI%2F%2FREL&q=Emma"))
                .select("[role=option]")).isEmpty();
    }

    @Test
    void editingAMeetingOffersItsReadersAndAMeetingTheAskerMayNotReadIsNotFound() {
        Http api = new Http(port);
        var m = api.post("/api/v1/meetings", api.token("jp.atla", "demo"), Map.of("kind", "PLENARY",
                "titleEn", "PICKTEST JP meeting", "titleJa", "PICKTEST 国内会合", "startsAt", "2027-10-01T10:00:00",
                "endsAt", "2027-10-01T12:00:00", "timeZone", "Asia/Tokyo", "marking", "CUI//NOFORN"));
        assertThat(m.status()).as(m.body()).isEqualTo(201);
        long meeting = m.json().get("id").asLong();
        Http jp = new Http(port).signIn("jp.atla", "demo");
        // the marking as typed is not a marking yet: the meeting's readers as it is
        var r = pick(jp, "/pick/people?offer=attendees&meeting=" + meeting + "&marking=CUI%2F%2F&q=a");
        Document d = options(r);
        assertThat(d.select("[role=option]").eachAttr("data-label")).isNotEmpty()
                .noneMatch(n -> n.equals("Michael Trent") || n.equals("Emma Clarke"));
        assertThat(r.header("X-DICAS-Marking")).isEqualTo("CUI//NOFORN");
        Http us = new Http(port).signIn("us.acq", "demo");
        assertThat(pick(us, "/pick/people?offer=attendees&meeting=" + meeting + "&q=a").status()).isEqualTo(404);
        assertThat(pick(us, "/pick/people?offer=members&workingGroup=" + meeting + "&q=a").status()).isEqualTo(404);
        assertThat(pick(us, "/pick/people?offer=attendees&meeting=999999999&q=a").status()).isEqualTo(404);
        assertThat(pick(us, "/pick/people?offer=everyone&q=a").status()).isEqualTo(400);
    }

    @Test
    void theOwnerOfAnOpportunityIsOfferedByThePipelinesOwnRule() {
        Http api = new Http(port);
        String token = api.token("jp.atla", "demo");
        long opportunity = api.get("/api/v1/opportunities", token).json().get("items").get(0).get("id").asLong();
        Http jp = new Http(port).signIn("jp.atla", "demo");
        // government users who may read it with the marking the form holds: never an industry user, even one who
        // may read it; Australia's official (access UNCLASSIFIED) for an UNCLASSIFIED opportunity, not a CUI one
        Document industry = options(pick(jp, "/pick/people?offer=owners&opportunity=" + opportunity
                + "&marking=UNCLASSIFIED&q=" + enc("Kevin")));
        assertThat(industry.select("[role=option]")).isEmpty();
        assertThat(options(pick(jp, "/pick/people?offer=owners&opportunity=" + opportunity
                + "&marking=UNCLASSIFIED&q=Emma")).select("[role=option]").eachAttr("data-label"))
                .containsExactly("Emma Clarke");
        assertThat(options(pick(jp, "/pick/people?offer=owners&opportunity=" + opportunity
                + "&marking=CUI&q=Emma")).select("[role=option]")).isEmpty();
        assertThat(pick(jp, "/pick/people?offer=owners&opportunity=999999999&q=a").status()).isEqualTo(404);
        assertThat(pick(jp, "/pick/people?offer=owners&q=a").status()).isEqualTo(400);
    }

    @Test
    void theLastListsAndTheAgendaItemsEditFormArePickersThatPostWhatTheyPosted() {
        Http jp = new Http(port).signIn("jp.atla", "demo");
        // the meeting's attendees: the list of readers stays (no script), the search box asks with the form's marking
        Document meeting = Jsoup.parse(jp.get("/meetings/new", null).body());
        var attendees = meeting.select("[data-picker=select] select#attendeeIds[name=attendeeIds][multiple]");
        assertThat(attendees).hasSize(1);
        var search = meeting.select("input#attendeeIds-search").first();
        assertThat(search.attr("hx-get")).isEqualTo("/pick/people?offer=attendees&for=attendeeIds");
        assertThat(search.attr("hx-include")).isEqualTo("#marking");
        assertThat(search.attr("form")).isEqualTo("attendeeIds-unsubmitted");
        Http admin = new Http(port).signIn("admin", "demo");
        var groupPage = admin.get("/working-groups/new", null);
        assertThat(groupPage.status()).as(groupPage.body()).isEqualTo(200);
        Document group = Jsoup.parse(groupPage.body());
        assertThat(group.select("[data-picker=select] select#memberIds[multiple]")).hasSize(1);
        assertThat(group.select("input#memberIds-search").attr("hx-get"))
                .isEqualTo("/pick/people?offer=members&for=memberIds");
        // the SoSA request's linked nodes: the readable nodes by record id, posted as repeated values
        Document sosa = Jsoup.parse(jp.get("/sosa/requests/new", null).body());
        assertThat(sosa.select("[data-picker=select] select#linkedNodeIds[multiple]")).hasSize(1);
        assertThat(sosa.select("input#linkedNodeIds-search").attr("hx-get")).isEqualTo("/pick/nodes?for=linkedNodeIds");
        assertThat(sosa.select("input#linkedNodeIds-search").hasAttr("hx-include")).isFalse();
        // an opportunity's owner, asked of the pipeline with the edit form's marking
        Http api = new Http(port);
        long opportunity = api.get("/api/v1/opportunities", api.token("jp.atla", "demo")).json().get("items").get(0)
                .get("id").asLong();
        Document opp = Jsoup.parse(jp.get("/opportunities/" + opportunity, null).body());
        assertThat(opp.select("[data-picker=select] select#ownerId[name=ownerId]")).hasSize(1);
        assertThat(opp.select("input#ownerId-search").attr("hx-get"))
                .isEqualTo("/pick/people?offer=owners&opportunity=" + opportunity + "&for=ownerId");
        assertThat(opp.select("input#ownerId-search").attr("hx-include")).isEqualTo("#opp-marking");
        // the agenda item's edit form: the linked record by a picker, named by its title, the id still posted
        String token = api.token("jp.atla", "demo");
        var m = api.post("/api/v1/meetings", token, Map.of("kind", "PLENARY", "titleEn", "PICKTEST agenda edit",
                "titleJa", "PICKTEST 議題の編集", "startsAt", "2027-10-02T10:00:00", "endsAt", "2027-10-02T12:00:00",
                "timeZone", "Asia/Tokyo", "marking", "UNCLASSIFIED//REL TO USA, JPN"));
        long meetingId = m.json().get("id").asLong();
        long linked = requirement("jp.atla", "PICKTEST linked by the agenda", "PICKTEST 議題が関連付ける運用要求",
                "UNCLASSIFIED//REL TO USA, JPN");
        var item = api.post("/api/v1/meetings/" + meetingId + "/agenda-items", token, Map.of("title", "Linked need",
                "marking", "UNCLASSIFIED//REL TO USA, JPN", "linkedRecordId", linked));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        long itemId = item.json().get("id").asLong();
        var page = jp.get("/meetings/" + meetingId, null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Document detail = Jsoup.parse(page.body());
        String p = "agenda-" + itemId + "-linked";
        var edit = detail.select("[data-picker=single]:has(input#" + p + ")").first();
        assertThat(edit).isNotNull();
        assertThat(edit.select("input#" + p + "[name=linkedRecordId]").attr("value")).isEqualTo(String.valueOf(linked));
        assertThat(edit.attr("data-chosen")).startsWith("PICKTEST linked by the agenda");
        assertThat(edit.select("input#" + p + "-search").attr("hx-get"))
                .isEqualTo("/pick/records?kind=requirement,opportunity,program&for=" + p);
        assertThat(edit.select("input#" + p + "-search").hasAttr("hx-include")).isFalse();
    }
}
