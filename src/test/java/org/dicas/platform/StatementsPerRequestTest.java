package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.notifications.Notifications;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.KeptReadsForgetting;
import org.dicas.support.Http;
import org.dicas.support.RequestCosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.dicas.security.internal.TokenHoldersKeeping;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11's request paths keep their shape: the SQL statements a request sends on its own thread, counted from the
 * first filter to the last byte (the numbers are the contract; a change that adds a round trip to every read or every
 * page fails here, whatever the machine's speed). The audit of a CUI read is handed to the batched writer and is not
 * a statement of the request (ADR 0017); the reads are still recorded, as the audit tests check.
 */
@PlatformTest
class StatementsPerRequestTest {

    @LocalServerPort
    int port;

    @Autowired
    RequestCosts costs;

    @Autowired
    Notifications notifications;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    String token;
    Http pages;

    @BeforeEach
    void signIn() {
        TokenHoldersKeeping.await(context);
        Http api = new Http(port);
        token = api.token("jp.atla", "demo");
        pages = new Http(port).signIn("jp.atla", "demo");
        costs.countFromNowOn();
    }

    @AfterEach
    void stopCounting() {
        costs.stopCounting();
    }

    @Test
    void aDocumentReadByIdTakesOneStatementAndNoneOnceItsRowIsKept() throws InterruptedException {
        assertThat(KeptReadsForgetting.keeping(context)).as("the node hears changes, so it keeps rows").isTrue();
        for (String level : List.of("UNCLASSIFIED", "CUI")) {
            long id = firstDocument(level);
            String path = "/api/v1/documents/" + id;
            twice(path, token); // the bearer's holder is kept
            KeptReadsForgetting.settle(context);
            KeptReadsForgetting.forgetAll(context);
            RequestCosts.Cost read = once(path, token);
            assertThat(read.statements()).as("%s read, row not kept: %s", level, read.sql()).isEqualTo(1);
            assertThat(read.connections()).as("%s read borrows", level).isLessThanOrEqualTo(2);
            RequestCosts.Cost kept = once(path, token);
            assertThat(kept.statements()).as("%s read, row kept: %s", level, kept.sql()).isZero();
            assertThat(kept.connections()).as("%s read of a kept row borrows", level).isZero();
        }
    }

    @Test
    void theDocumentListTakesOneStatementAndNoneOnceItsPageIsKept() throws InterruptedException {
        assertThat(KeptReadsForgetting.keeping(context)).as("the node hears changes, so it keeps pages").isTrue();
        String path = "/api/v1/documents?size=200";
        twice(path, token); // the bearer's holder is kept
        KeptReadsForgetting.settle(context);
        KeptReadsForgetting.forgetAll(context);
        assertThat(new Http(port).get(path, token).json().get("total").asLong()).as("a page that is not full")
                .isLessThan(200);
        KeptReadsForgetting.forgetAll(context);
        RequestCosts.Cost read = once(path, token);
        assertThat(read.statements()).as("list, page not kept (not full: no count): %s", read.sql()).isEqualTo(1);
        RequestCosts.Cost kept = once(path, token);
        assertThat(kept.statements()).as("list, page kept: %s", kept.sql()).isZero();
        assertThat(kept.connections()).as("a kept page borrows").isZero();
    }

    @Test
    void theDashboardTakesItsSessionUnreadCountThreeListsAndOneTitleQueryInSixStatements() {
        RequestCosts.Cost page = twice("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.statements()).as("dashboard: %s", page.sql()).isEqualTo(6);
        assertThat(page.sql().stream().filter(s -> s.contains("record_title"))).as("title queries").hasSize(1);
        // the session is read in one SELECT outside a transaction, and a page writes nothing: no BEGIN / COMMIT
        assertThat(page.transactions()).as("dashboard transactions: %s", page.sql()).isZero();
    }

    @Test
    void theWorkingGroupListTakesItsGroupsTheirPeopleAndTitlesInFiveStatements() {
        RequestCosts.Cost page = twice("/working-groups", null);
        assertThat(page.status()).isEqualTo(200);
        // session, unread count, the groups, their co-chairs and members together, their titles
        assertThat(page.statements()).as("working groups: %s", page.sql()).isEqualTo(5);
    }

    @Test
    void theWorkingGroupPageReadsItsOwnTitlesAndThoseOfItsThreeListsInTwoQueries() {
        long group = new Http(port).get("/api/v1/working-groups", token).json().get("items").get(0).get("id").asLong();
        RequestCosts.Cost page = twice("/working-groups/" + group, null);
        assertThat(page.status()).isEqualTo(200);
        // the group's own titles under its heading, and one query for its meetings, threads and documents together
        assertThat(page.sql().stream().filter(s -> s.contains("record_title"))).as("title queries: %s", page.sql())
                .hasSize(2);
    }

    @Test
    void theAgreementListTakesAsManyStatementsForTwentyRowsAsForTwo() {
        Http api = new Http(port);
        String us = api.token("us.acq", "demo");
        long document = api.get("/api/v1/documents?size=1", us).json().get("items").get(0).get("id").asLong();
        long program = api.get("/api/v1/programs?size=1", us).json().get("items").get(0).get("id").asLong();
        for (int i = 0; i < 20; i++) {
            // each with two parties, a document and a program: what a row used to fetch on its own
            Http.Response made = api.post("/api/v1/agreements", us, Map.of("type", "MOU", "title",
                    (i < 2 ? "STMT27 agreement pair " : "STMT27 agreement many ") + i, "parties", List.of("USA", "JPN"),
                    "documentIds", List.of(document), "programIds", List.of(program), "marking", "UNCLASSIFIED"));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
        }
        asManyStatementsForTwentyRowsAsForTwo("/agreements", "STMT27+agreement");
        JsonNode row = api.get("/api/v1/agreements?q=STMT27+agreement+pair+1", us).json().get("items").get(0);
        assertThat(row.get("parties").toString()).contains("USA").contains("JPN");
        assertThat(row.get("documents").get(0).get("id").asLong()).isEqualTo(document);
        assertThat(row.get("programs").get(0).get("id").asLong()).isEqualTo(program);
        asManyStatementsForTwentyRowsAsForTwo("/agreements/export.csv", "STMT27+agreement");
    }

    @Test
    void theSupplyNetworkListTakesAsManyStatementsForTwentyRowsAsForTwo() {
        Http api = new Http(port);
        String us = api.token("us.acq", "demo");
        for (int i = 0; i < 20; i++) {
            // a node the reader may read and one withheld from them: both counted on the row
            Http.Response made = api.post("/api/v1/supply-chain/networks", us, Map.of("program", "STMT27 program",
                    "name", (i < 2 ? "STMT27 network pair " : "STMT27 network many ") + i, "marking", "UNCLASSIFIED",
                    "network", Map.of("nodes", List.of(Map.of("id", "A", "country", "USA"),
                                    Map.of("id", "B", "country", "USA", "marking", "CUI//NOFORN")),
                            "inputs", List.of(Map.of("node", "A", "item", "x", "sources", List.of("B"))),
                            "endItems", List.of(Map.of("id", "E", "node", "A")))));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
        }
        asManyStatementsForTwentyRowsAsForTwo("/supply-chain", "STMT27+network");
        JsonNode row = new Http(port).get("/api/v1/supply-chain/networks?q=STMT27+network+pair+0", token).json()
                .get("items").get(0);
        assertThat(row.get("nodes").asInt()).as("the node jp.atla may read").isEqualTo(1);
        assertThat(row.get("withheldNodes").asInt()).as("the NOFORN node").isEqualTo(1);
    }

    @Test
    void theNotificationListTakesAsManyStatementsForTenNoticesAsForTwo() {
        // a reader of their own: the counts below are theirs alone, whatever other tests send to the demo users
        Http api = new Http(port);
        String admin = api.token("admin", "demo");
        DicasUser atla = directory.userByUsername("jp.atla").orElseThrow();
        String username = "stmt28.reader." + System.nanoTime();
        Http.Response made = api.post("/api/v1/admin/users", admin, Map.of("username", username,
                "displayName", "STMT28 Reader", "nation", "JPN", "organizationId", atla.organizationId(),
                "accessLevel", atla.accessLevel().name(), "roles", atla.roles().stream().map(Enum::name).toList(),
                "groups", atla.groups(), "password", "stmt28-reader-pass"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long reader = made.json().get("id").asLong();
        JsonNode documents = api.get("/api/v1/documents?size=20", token).json().get("items");
        int n = documents.size();
        assertThat(n).as("documents jp.atla may read").isGreaterThanOrEqualTo(10);
        for (JsonNode d : documents) { // each notice about another record: what a notice used to fetch on its own
            notifications.send(List.of(reader), d.get("id").asLong(), "/documents/" + d.get("id").asLong(),
                    "notification.mention", "STMT28 author");
        }
        pages = new Http(port).signIn(username, "stmt28-reader-pass");
        int sent = api.get("/api/v1/notifications", api.token(username, "stmt28-reader-pass")).json()
                .get("total").asInt();
        assertThat(sent).as("notices the reader may read").isGreaterThanOrEqualTo(10);
        costs.countFromNowOn();
        RequestCosts.Cost two = twice("/notifications?size=2", null);
        // both pages full, so both count the list's total
        RequestCosts.Cost many = twice("/notifications?size=" + (sent - 1), null);
        // the notices name their records (read through the policy), not "a record you can no longer read"
        assertThat(pages.get("/notifications?size=" + (sent - 1), null).body()).contains("STMT28 author")
                .contains(HtmlUtils.htmlEscape(documents.get(1).get("title").asString()))
                .doesNotContain("a record you can no longer read");
        assertThat(many.statements()).as("%d notices: %s", sent - 1, many.sql()).isEqualTo(two.statements());
    }

    /**
     * The list at {@code path} filtered to the two rows named {@code filter} + " pair" and to all twenty named
     * {@code filter} (" pair 0" and " many 19" among them) sends as many statements either way.
     */
    private void asManyStatementsForTwentyRowsAsForTwo(String path, String filter) {
        costs.countFromNowOn();
        RequestCosts.Cost two = twice(path + "?q=" + filter + "+pair", null);
        RequestCosts.Cost twenty = twice(path + "?q=" + filter, null);
        String shown = filter.replace('+', ' ');
        assertThat(pages.get(path + "?q=" + filter, null).body()).contains(shown + " many 19")
                .contains(shown + " pair 0");
        assertThat(twenty.statements()).as("%s, twenty rows: %s", path, twenty.sql()).isEqualTo(two.statements());
    }

    /**
     * The second of two identical requests: the first may write a session that the sign-in changed. A page is asked
     * for as a reload does, so that it is rendered, not served from its kept copy (which {@link RenderedPagesTest}
     * counts).
     */
    private RequestCosts.Cost once(String path, String bearer) throws InterruptedException {
        int asked = (int) costs.recorded().stream().filter(c -> c.uri().equals(path)).count() + 1;
        assertThat(new Http(port).get(path, bearer).status()).as(path).isEqualTo(200);
        costs.awaitCounted(path, asked);
        return costs.last(path);
    }

    private RequestCosts.Cost twice(String path, String bearer) {
        for (int i = 0; i < 2; i++) {
            int status = bearer == null ? pages.getRendered(path).status() : new Http(port).get(path, bearer).status();
            assertThat(status).as(path).isEqualTo(200);
        }
        return costs.last(path);
    }

    private long firstDocument(String level) {
        for (JsonNode d : new Http(port).get("/api/v1/documents?size=200", token).json().get("items")) {
            String marking = d.get("marking").isString() ? d.get("marking").asString() : d.get("marking").toString();
            if (level.equals("CUI") ? marking.contains("CUI") : marking.contains("UNCLASSIFIED")) {
                return d.get("id").asLong();
            }
        }
        throw new IllegalStateException("no " + level + " document readable by jp.atla");
    }
}
