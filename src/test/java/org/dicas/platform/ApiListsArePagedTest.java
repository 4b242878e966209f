package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every list of the API (each {@code MarkedList} endpoint {@link ApiListsAreMarkedTest} finds in the code) answers over
 * HTTP with {@code page}, {@code size} and {@code total} next to {@code marking} and {@code items}, honours
 * {@code size}, gives a different item on the next page, and refuses page 0 naming the parameter.
 */
@PlatformTest
class ApiListsArePagedTest {

    @LocalServerPort
    int port;

    /** A path variable takes the id of the first item of the list above it (a thread's replies: the first thread). */
    String concrete(Http http, String token, String path) {
        int var = path.indexOf("/{");
        if (var < 0) {
            return path;
        }
        String above = path.substring(0, var);
        // any record's children (/records/{id}/attachments): a document is a record
        String list = above.equals("/api/v1/records") ? "/api/v1/documents" : above;
        JsonNode parent = http.get(list + "?size=1", token).json().get("items");
        assertThat(parent).as(path + ": the list above it has an item").isNotEmpty();
        return above + "/" + parent.get(0).get("id").asLong() + path.substring(path.indexOf('}', var) + 1);
    }

    @Test
    void everyApiListAnswersWithPageSizeAndTotalAndHonoursThem() {
        Http http = new Http(port);
        String userToken = http.token("us.acq", "demo");
        // the audit and the accounts are the secretariat's (everyone else: 404), asked as the secretariat
        String admin = http.token("admin", "demo");
        // export authorizations are their issuing nation's disclosure officers' (everyone else: 404)
        String officer = http.token("us.fdo", "demo");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        int withTwoPages = 0;
        for (ApiListsAreMarkedTest.Endpoint e : ApiListsAreMarkedTest.markedLists()) {
            String token = e.path().startsWith("/api/v1/audit") || e.path().startsWith("/api/v1/admin") ? admin
                    : e.path().startsWith("/api/v1/authorizations") ? officer : userToken;
            String path = concrete(http, token, e.path());
            String query = (path.equals("/api/v1/search") ? "?q=ship&" : "?");
            Http.Response first = http.get(path + query + "size=1", token);
            if (first.status() != 200) {
                problems.add(e + ": " + first.status() + " " + first.body());
                continue;
            }
            JsonNode body = first.json();
            for (String field : List.of("marking", "page", "size", "total", "items")) {
                if (!body.has(field)) {
                    problems.add(e + ": no " + field);
                }
            }
            if (body.get("page").asInt() != 1 || body.get("size").asInt() != 1 || body.get("items").size() > 1
                    || body.get("total").asLong() < body.get("items").size()) {
                problems.add(e + ": size=1 answered " + body);
            }
            if (body.get("total").asLong() >= 2 && body.get("items").get(0).has("id")) {
                String secondPage = secondPageProblem(http, token, path + query, body);
                if (secondPage != null) {
                    problems.add(e + ": " + secondPage);
                }
                withTwoPages++;
            }
            Http.Response bad = http.get(path + query + "page=0", token);
            if (bad.status() != 400 || !"page".equals(bad.json().path("field").asString(""))) {
                problems.add(e + ": page=0 answered " + bad.status() + " " + bad.body());
            }
            checked++;
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(20);
        assertThat(withTwoPages).as("lists long enough to have a second page").isGreaterThanOrEqualTo(10);
    }

    /**
     * Page 2 (size 1) is one item and not page 1's. A newest-first list that grows while it is read (the audit gains
     * the entries of the requests before it, written by the batched writer) moves its first item onto page 2; such a
     * reading says nothing about paging, so it is read again — page 1, page 2, page 1 — until page 1 stood still
     * across the reading (five tries).
     */
    private static String secondPageProblem(Http http, String token, String pathAndQuery, JsonNode firstPage) {
        JsonNode first = firstPage;
        for (int attempt = 0; attempt < 5; attempt++) {
            JsonNode second = http.get(pathAndQuery + "size=1&page=2", token).json();
            JsonNode again = http.get(pathAndQuery + "size=1", token).json();
            long firstId = first.get("items").get(0).get("id").asLong();
            if (again.get("items").size() != 1 || again.get("items").get(0).get("id").asLong() != firstId) {
                first = again; // the list moved while it was read: read it again
                continue;
            }
            if (second.get("items").size() != 1 || second.get("items").get(0).get("id").asLong() == firstId) {
                return "page 2 repeats page 1 or is empty: " + second;
            }
            return null;
        }
        return "the list's first page moved on every one of five readings";
    }

    @Test
    void theApiDescriptionShowsPageAndSizeWithTheirRanges() {
        JsonNode parameters = new Http(port).get("/v3/api-docs", null).json()
                .at("/paths/~1api~1v1~1documents/get/parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).contains("page", "size").doesNotContain("paging");
        JsonNode page = parameters.get(names.indexOf("page"));
        JsonNode size = parameters.get(names.indexOf("size"));
        assertThat(page.get("in").asString()).isEqualTo("query");
        assertThat(page.at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(size.at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(size.at("/schema/maximum").asInt()).isEqualTo(200);
        assertThat(size.at("/schema/default").asInt()).isEqualTo(50);
    }
}
