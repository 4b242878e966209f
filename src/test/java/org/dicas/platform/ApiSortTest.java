package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The API's paged lists sort as asked with {@code sort=field,asc|desc}: the fields each list names, ties in the id's
 * order (so that pages neither overlap nor skip), an unknown field refused as a 400 naming it and the fields the list
 * sorts by, in the caller's language; the API description shows the fields.
 */
@PlatformTest
class ApiSortTest {

    @LocalServerPort
    int port;

    /** Every meeting the reader may read, page by page, sorted as {@code sort} says. */
    /** Every item once, sorted by {@code key} one way the reverse of the other, and the same one to a page. */
    private static void sortsBothWaysAndPagesWithoutRepeatsOrGaps(Http http, String token, String list, String key) {
        List<Long> ascending = all(http, token, list, key + ",asc", 200).stream().map(j -> j.get("id").asLong())
                .toList();
        List<Long> descending = new ArrayList<>(all(http, token, list, key + ",desc", 200).stream()
                .map(j -> j.get("id").asLong()).toList());
        java.util.Collections.reverse(descending);
        assertThat(ascending).as(list).hasSizeGreaterThan(1).doesNotHaveDuplicates()
                .containsExactlyElementsOf(descending);
        assertThat(all(http, token, list, key + ",asc", 1).stream().map(j -> j.get("id").asLong()).toList())
                .as(list + ", one to a page").containsExactlyElementsOf(ascending);
    }

    static List<JsonNode> all(Http http, String token, String path, String sort, int size) {
        List<JsonNode> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = http.get(path + "?sort=" + sort + "&size=" + size + "&page=" + page, token).json();
            body.get("items").forEach(out::add);
            if (out.size() >= body.get("total").asLong() || body.get("items").isEmpty()) {
                return out;
            }
        }
    }

    @Test
    void aListSortsByTheFieldAskedForEitherWayWithTheIdBreakingTies() {
        Http http = new Http(port);
        String token = http.token("us.acq", "demo");
        List<JsonNode> ascending = all(http, token, "/api/v1/meetings", "starts,asc", 200);
        List<JsonNode> descending = all(http, token, "/api/v1/meetings", "starts,desc", 200);
        assertThat(ascending).hasSizeGreaterThan(2).hasSameSizeAs(descending);
        Comparator<JsonNode> byStartThenId = Comparator.<JsonNode, java.time.Instant>comparing(
                        m -> java.time.ZonedDateTime.parse(m.get("startsAt").asString()).toInstant())
                .thenComparingLong(m -> m.get("id").asLong());
        assertThat(ascending).isSortedAccordingTo(byStartThenId);
        assertThat(descending).isSortedAccordingTo(byStartThenId.reversed());

        // one item to a page: the same order, nothing twice, nothing skipped
        List<Long> paged = all(http, token, "/api/v1/meetings", "starts,asc", 1).stream()
                .map(m -> m.get("id").asLong()).toList();
        assertThat(paged).doesNotHaveDuplicates()
                .containsExactlyElementsOf(ascending.stream().map(m -> m.get("id").asLong()).toList());
    }

    @Test
    void theTrustSupplyAndSustainmentListsSortEitherWayAndPageWithoutRepeatingOrSkipping() {
        Http http = new Http(port);
        String navy = http.token("us.navy", "demo");
        for (String list : List.of("/api/v1/sustainment/jobs", "/api/v1/sustainment/facilities")) {
            sortsBothWaysAndPagesWithoutRepeatsOrGaps(http, navy, list, "code");
        }
    }

    @Test
    void aSortWithoutDirectionTakesTheFieldsUsualOneAndTheListsOwnOrderStaysTheDefault() {
        Http http = new Http(port);
        String token = http.token("us.acq", "demo");
        List<Long> byDefault = ids(http.get("/api/v1/documents?size=200", token).json());
        assertThat(ids(http.get("/api/v1/documents?size=200&sort=updated", token).json())).isEqualTo(byDefault);
        assertThat(ids(http.get("/api/v1/documents?size=200&sort=updated,desc", token).json())).isEqualTo(byDefault);
        assertThat(ids(http.get("/api/v1/documents?size=200&sort=updated,asc", token).json()))
                .isNotEqualTo(byDefault).containsExactlyInAnyOrderElementsOf(byDefault);
    }

    @Test
    void anUnknownFieldIsRefusedNamingItAndTheFieldsTheListSortsByInTheCallersLanguage() {
        Http en = new Http(port).inLanguage("en");
        Http.Response english = en.get("/api/v1/leads?sort=colour,asc", en.token("us.acq", "demo"));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.header("Content-Type")).startsWith("application/problem+json");
        assertThat(english.json().get("field").asString()).isEqualTo("sort");
        assertThat(english.json().get("detail").asString()).contains("cannot sort by 'colour'")
                .contains("date, type, source, title, language");

        Http ja = new Http(port).inLanguage("ja");
        Http.Response japanese = ja.get("/api/v1/leads?sort=colour,asc", ja.token("jp.atla", "demo"));
        assertThat(japanese.status()).isEqualTo(400);
        assertThat(japanese.json().get("field").asString()).isEqualTo("sort");
        assertThat(japanese.json().get("detail").asString()).contains("「colour」では並べ替えできません")
                .contains("date, type, source, title, language");
        assertThat(japanese.json().get("title").asString()).doesNotContain("Bad Request");

        Http.Response badDirection = en.get("/api/v1/leads?sort=title,upwards", en.token("us.acq", "demo"));
        assertThat(badDirection.status()).isEqualTo(400);
        assertThat(badDirection.json().get("field").asString()).isEqualTo("dir");
        assertThat(badDirection.json().get("detail").asString()).contains("asc or desc").contains("upwards");
    }

    @Test
    void theApiDescriptionNamesTheFieldsEachListSortsBy() {
        JsonNode parameters = new Http(port).get("/v3/api-docs", null).json()
                .at("/paths/~1api~1v1~1leads/get/parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).contains("page", "size", "sort", "q").doesNotContain("view");
        String sort = parameters.get(names.indexOf("sort")).get("description").asString();
        assertThat(sort).contains("field,asc or field,desc").contains("date, type, source, title, language")
                .contains("by default date,desc");
        JsonNode audit = new Http(port).get("/v3/api-docs", null).json().at("/paths/~1api~1v1~1audit/get/parameters");
        List<String> auditNames = new ArrayList<>();
        audit.forEach(p -> auditNames.add(p.get("name").asString()));
        assertThat(auditNames).contains("sort").doesNotContain("q");
    }

    @Test
    void theForumAndProgramListsNameTheirSortFieldsAndFacetsInTheApiDescription() {
        JsonNode paths = new Http(port).get("/v3/api-docs", null).json().get("paths");
        Map<String, String> lists = Map.of("/api/v1/working-groups", "code, name, status",
                "/api/v1/threads", "activity, title, author, replies, started",
                "/api/v1/agreements", "signed, title, type",
                "/api/v1/acquisition-plans", "updated, title, requirement, nation",
                "/api/v1/notifications", "time, read");
        lists.forEach((path, fields) -> {
            List<String> names = new ArrayList<>();
            JsonNode parameters = paths.get(path).at("/get/parameters");
            parameters.forEach(p -> names.add(p.get("name").asString()));
            assertThat(names).as(path).contains("page", "size", "sort");
            assertThat(parameters.get(names.indexOf("sort")).get("description").asString()).as(path)
                    .contains(fields);
            assertThat(names.contains("q")).as(path + " filters by text").isEqualTo(!path.endsWith("notifications"));
        });
    }

    @Test
    void theLastListsSortEitherWayPageWithoutRepeatingOrSkippingAndNameTheirFieldsInTheApiDescription() {
        Http http = new Http(port);
        String admin = http.token("admin", "demo");
        String acq = http.token("us.acq", "demo");
        long program = -1;
        for (JsonNode p : http.all("/api/v1/programs", acq)) {
            if (p.get("nameEn").asString().startsWith("Glide Phase Interceptor")) {
                program = p.get("id").asLong();
            }
        }
        assertThat(program).as("the demo program Glide Phase Interceptor").isPositive();
        Map<String, String> lists = Map.of("/api/v1/admin/users", admin,
                "/api/v1/programs/" + program + "/work-packages", acq);
        lists.forEach((list, token) -> {
            sortsBothWaysAndPagesWithoutRepeatsOrGaps(http, token, list, list.contains("admin") ? "username" : "code");
        });

        JsonNode paths = http.get("/v3/api-docs", null).json().get("paths");
        Map<String, String> described = Map.of("/api/v1/admin/users", "username, name, nation, organization",
                "/api/v1/programs/{id}/work-packages", "code, title",
                "/api/v1/disclosure-requests/mine", "requested, record, state",
                "/api/v1/disclosure-requests/awaiting", "requested, record, requester");
        described.forEach((path, fields) -> {
            List<String> names = new ArrayList<>();
            JsonNode parameters = paths.get(path).at("/get/parameters");
            parameters.forEach(p -> names.add(p.get("name").asString()));
            assertThat(names).as(path).contains("page", "size", "sort", "q");
            assertThat(parameters.get(names.indexOf("sort")).get("description").asString()).as(path)
                    .contains(fields);
        });
    }

    static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }
}
