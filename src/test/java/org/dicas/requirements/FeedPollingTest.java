package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicas.PlatformTest;
import org.dicas.requirements.internal.FeedAddresses;
import org.dicas.shared.InvalidInputException;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.ArrayList;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;

/**
 * Feeds served by a real HTTP server in the test (JDK HttpServer on a random port): RSS and Atom items become leads
 * once however often the feed is polled, Japanese text survives, a malformed or hostile (XXE) feed records an error on
 * its subscription and saves nothing while the other subscriptions go on. The server on 127.0.0.1 is reachable only
 * because each test allows private hosts for its run (the shared context keeps the default, which refuses them);
 * without that rule a loopback feed is refused, and a redirect to a private host is refused on its hop.
 */
@PlatformTest
class FeedPollingTest {

    static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    Feeds feeds;
    @Autowired
    Leads leads;
    @Autowired
    Directory directory;
    @Autowired
    JdbcClient jdbc;

    HttpServer server;
    final Map<String, String> documents = new ConcurrentHashMap<>();
    final Map<String, String> redirects = new ConcurrentHashMap<>();
    final AtomicInteger hits = new AtomicInteger();
    DicasUser jp;
    DicasUser us;
    String run;
    FeedAddresses defaultRule;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            String doc = documents.get(exchange.getRequestURI().getPath());
            byte[] body = doc == null ? new byte[0] : doc.getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().endsWith("/stall")) {
                exchange.sendResponseHeaders(200, 0); // chunked: the body never ends
                exchange.getResponseBody().write("<rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            String redirect = redirects.get(exchange.getRequestURI().getPath());
            if (redirect != null) {
                exchange.getResponseHeaders().add("Location", redirect);
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=utf-8");
            exchange.sendResponseHeaders(doc == null ? 404 : 200, doc == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        jp = directory.userByUsername("jp.atla").orElseThrow();
        us = directory.userByUsername("us.acq").orElseThrow();
        run = "r" + SEQ.incrementAndGet() + "-" + System.nanoTime();
        defaultRule = feeds.addressRule(new FeedAddresses(true));
    }

    @AfterEach
    void stop() {
        feeds.addressRule(defaultRule);
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    FeedSubscription subscribe(DicasUser who, String path, String marking) {
        return feeds.subscribe(who, new FeedSubscriptionCommand(url(path), "Feed " + path, "INTERNATIONAL_CONFERENCE",
                marking, 60));
    }

    int leadsOf(long feedId) {
        return jdbc.sql("select count(*) from lead where feed_id = :f").param("f", feedId).query(Integer.class).single();
    }

    String rss() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Conference notices</title><link>https://example.org/</link>
                <description>illustrative</description>
                <item><title>Trainer aircraft replacement briefing</title>
                  <link>https://example.org/notices/%1$s/1</link><guid>urn:test:%1$s:rss:1</guid>
                  <pubDate>Mon, 03 Nov 2025 09:00:00 GMT</pubDate>
                  <description>&lt;p&gt;Delegations discussed a &lt;b&gt;combined buy&lt;/b&gt; of trainer aircraft.&lt;/p&gt;</description></item>
                <item><title>極超音速滑空兵器への対処に関する国際会議</title>
                  <link>https://example.org/notices/%1$s/2</link>
                  <description>滑空段階迎撃ミサイルの共同開発について日米の関係者が議論した。</description></item>
                </channel></rss>""".formatted(run);
    }

    String atom() {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Industry notices</title><id>urn:test:%1$s:feed</id>
                <updated>2025-11-01T00:00:00Z</updated>
                <entry><title>Ship repair capacity offered</title><id>urn:test:%1$s:atom:1</id>
                  <link rel="alternate" href="https://example.org/atom/%1$s/1"/>
                  <updated>2025-11-02T10:00:00+09:00</updated>
                  <summary>A shipyard offers capacity for regular overhauls of forward-deployed ships.</summary></entry>
                <entry><title>船舶修理の受け入れ拡大</title><id>urn:test:%1$s:atom:2</id>
                  <updated>2025-11-04T10:00:00+09:00</updated>
                  <content type="text">国内造船所が米海軍艦艇の定期修理を追加で受け入れる。</content></entry>
                </feed>""".formatted(run);
    }

    @Test
    void rssAndAtomItemsBecomeLeadsOnceWhenPolledTwice() {
        documents.put("/" + run + "/rss", rss());
        documents.put("/" + run + "/atom", atom());
        FeedSubscription rss = subscribe(jp, "/" + run + "/rss", "CUI//REL TO USA, JPN");
        FeedSubscription atom = subscribe(us, "/" + run + "/atom", "UNCLASSIFIED");

        Feeds.PollResult first = feeds.poll(rss.id());
        Feeds.PollResult again = feeds.poll(rss.id());
        assertThat(first.error()).isEmpty();
        assertThat(first.newLeads()).isEqualTo(2);
        assertThat(again.newLeads()).isZero();
        assertThat(leadsOf(rss.id())).isEqualTo(2);

        assertThat(feeds.poll(atom.id()).newLeads()).isEqualTo(2);
        assertThat(feeds.poll(atom.id()).newLeads()).isZero();
        assertThat(leadsOf(atom.id())).isEqualTo(2);
        assertThat(hits.get()).isEqualTo(4);

        Lead japanese = readableLeads(jp).stream().filter(l -> ("Feed /" + run + "/rss").equals(l.feedName())
                && l.language().equals("ja")).findFirst().orElseThrow();
        assertThat(japanese.title()).isEqualTo("極超音速滑空兵器への対処に関する国際会議");
        assertThat(japanese.text()).isEqualTo("滑空段階迎撃ミサイルの共同開発について日米の関係者が議論した。");
        assertThat(japanese.sourceType()).isEqualTo(LeadSource.INTERNATIONAL_CONFERENCE);
        assertThat(japanese.marking().banner()).isEqualTo("CUI//REL TO USA, JPN");
        assertThat(japanese.origin()).isEqualTo(Lead.Origin.FEED);
        Lead english = readableLeads(jp).stream().filter(l -> ("Feed /" + run + "/rss").equals(l.feedName())
                && l.language().equals("en")).findFirst().orElseThrow();
        assertThat(english.text()).isEqualTo("Delegations discussed a combined buy of trainer aircraft.");
        assertThat(english.date()).hasToString("2025-11-03");
        Lead atomJa = readableLeads(jp).stream().filter(l -> ("Feed /" + run + "/atom").equals(l.feedName())
                && l.language().equals("ja")).findFirst().orElseThrow();
        assertThat(atomJa.text()).isEqualTo("国内造船所が米海軍艦艇の定期修理を追加で受け入れる。");
        assertThat(atomJa.date()).hasToString("2025-11-04");

        FeedSubscription after = feeds.get(jp, rss.id());
        assertThat(after.lastError()).isNull();
        assertThat(after.lastNewItems()).isZero();
        assertThat(after.lastPolledAt()).isNotNull();
    }

    @Test
    void malformedFeedRecordsAnErrorOnItsSubscriptionAndTheOthersGoOn() {
        documents.put("/" + run + "/broken", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>"
                + "unclosed</channel></rss>");
        documents.put("/" + run + "/good", rss());
        FeedSubscription broken = subscribe(jp, "/" + run + "/broken", "CUI//REL TO USA, JPN");
        FeedSubscription good = subscribe(jp, "/" + run + "/good", "CUI//REL TO USA, JPN");
        FeedSubscription missing = subscribe(jp, "/" + run + "/gone", "CUI//REL TO USA, JPN");

        List<Feeds.PollResult> results = feeds.pollDue();

        Feeds.PollResult b = results.stream().filter(r -> r.subscriptionId() == broken.id()).findFirst().orElseThrow();
        assertThat(b.error()).get().asString().contains("malformed feed XML");
        assertThat(feeds.get(jp, broken.id()).lastError().english()).contains("malformed feed XML at line");
        assertThat(feeds.get(jp, missing.id()).lastError().english()).contains("HTTP 404");
        assertThat(leadsOf(broken.id())).isZero();
        assertThat(results.stream().filter(r -> r.subscriptionId() == good.id()).findFirst().orElseThrow().newLeads())
                .isEqualTo(2);
        assertThat(feeds.get(jp, good.id()).lastError()).isNull();
        // not due again until its interval has passed
        assertThat(feeds.pollDue().stream().map(Feeds.PollResult::subscriptionId))
                .doesNotContain(broken.id(), good.id(), missing.id());
    }

    @Test
    void loopbackFeedIsRefusedUnlessPrivateHostsAreAllowed() {
        documents.put("/" + run + "/rss", rss());
        feeds.addressRule(defaultRule);
        assertThat(defaultRule.allowsPrivateHosts()).as("the platform's default").isFalse();
        assertThatThrownBy(() -> subscribe(jp, "/" + run + "/rss", "UNCLASSIFIED"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("loopback")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("url"));
        for (String address : List.of("file:///etc/passwd", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]:8080/feed", "http://10.0.0.1/feed")) {
            assertThatThrownBy(() -> feeds.subscribe(jp,
                            new FeedSubscriptionCommand(address, "Probe " + run, "OTHER", "UNCLASSIFIED", 60)))
                    .as(address).isInstanceOf(InvalidInputException.class);
        }
        // a feed subscribed while private hosts were allowed is not fetched once they are not
        feeds.addressRule(new FeedAddresses(true));
        FeedSubscription f = subscribe(jp, "/" + run + "/rss", "UNCLASSIFIED");
        feeds.addressRule(defaultRule);
        Feeds.PollResult r = feeds.poll(f.id());
        assertThat(r.error()).get().asString().contains("127.0.0.1");
        assertThat(hits.get()).isZero();
        assertThat(leadsOf(f.id())).isZero();

        Http http = new Http(port);
        Http.Response refused = http.post("/api/v1/leads/feeds", http.token("jp.atla", "demo"),
                "{\"url\":\"http://127.0.0.1:1/feed\",\"name\":\"Probe\",\"sourceType\":\"OTHER\","
                        + "\"marking\":\"UNCLASSIFIED\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"url\"");
    }

    @Test
    void redirectsAreFollowedAndEachHopIsChecked() {
        documents.put("/" + run + "/rss", rss());
        redirects.put("/" + run + "/moved", url("/" + run + "/rss"));
        redirects.put("/" + run + "/to-file", "file:///etc/passwd");
        redirects.put("/" + run + "/to-metadata", "http://169.254.169.254/latest/meta-data/");
        redirects.put("/" + run + "/loop", "/" + run + "/loop");
        FeedSubscription moved = subscribe(jp, "/" + run + "/moved", "UNCLASSIFIED");
        FeedSubscription toFile = subscribe(jp, "/" + run + "/to-file", "UNCLASSIFIED");
        FeedSubscription loop = subscribe(jp, "/" + run + "/loop", "UNCLASSIFIED");
        FeedSubscription toMetadata = subscribe(jp, "/" + run + "/to-metadata", "UNCLASSIFIED");

        assertThat(feeds.poll(moved.id()).newLeads()).isEqualTo(2);
        assertThat(feeds.poll(toFile.id()).error()).get().asString().contains("only http and https");
        assertThat(feeds.poll(loop.id()).error()).get().asString().contains("more than " + Feeds.MAX_REDIRECTS);

        // only the test server itself is trusted: the redirect's private target is refused before it is fetched
        feeds.addressRule(new FeedAddresses(false) {
            @Override
            protected boolean mayFetch(java.net.InetAddress a) {
                return a.getHostAddress().equals("127.0.0.1") || super.mayFetch(a);
            }
        });
        Feeds.PollResult r = feeds.poll(toMetadata.id());
        assertThat(r.error()).get().asString().contains("169.254.169.254").contains("link-local");
        assertThat(leadsOf(toMetadata.id()) + leadsOf(toFile.id()) + leadsOf(loop.id())).isZero();
    }

    @Test
    void aServerThatStallsTheBodyTimesOutAndDoesNotHoldThePoller() {
        FeedSubscription f = subscribe(jp, "/" + run + "/stall", "UNCLASSIFIED");
        java.time.Duration before = feeds.timeout(java.time.Duration.ofSeconds(1));
        try {
            long start = System.nanoTime();
            Feeds.PollResult r = feeds.poll(f.id());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.error()).get().asString().contains("timed out after 1.0 s");
            assertThat(millis).as("the poll ended at the deadline, not when the server gave up").isLessThan(4000);
            assertThat(leadsOf(f.id())).isZero();
        } finally {
            feeds.timeout(before);
        }
    }

    @Test
    void externalEntityPayloadIsRefusedAndNothingIsRead() {
        documents.put("/" + run + "/secret", "TOP-SECRET-" + run);
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><item><title>&xxe;</title><guid>urn:xxe:%s</guid></item></channel></rss>
                """.formatted(url("/" + run + "/secret"), run);
        documents.put("/" + run + "/xxe", xxe);
        FeedSubscription f = subscribe(jp, "/" + run + "/xxe", "CUI//REL TO USA, JPN");

        Feeds.PollResult r = feeds.poll(f.id());

        assertThat(r.error()).get().asString().contains("DOCTYPE");
        assertThat(leadsOf(f.id())).isZero();
        assertThat(hits.get()).as("the entity's URL was never fetched").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from lead where body like :s or title like :s")
                .param("s", "%TOP-SECRET-" + run + "%").query(Integer.class).single()).isZero();
    }

    @Test
    void feedFileUploadIsAllOrNothingAndSkipsItemsSeenBefore() {
        Http http = new Http(port);
        String token = http.token("jp.atla", "demo");
        String path = "/api/v1/leads/feed-file?sourceType=PRIVATE_SECTOR&sourceName=Upload&marking="
                + java.net.URLEncoder.encode("CUI//REL TO USA, JPN", StandardCharsets.UTF_8);
        var first = send(path, token, atom());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"imported\":2");
        var second = send(path, token, atom());
        assertThat(second.body()).contains("\"imported\":0");
        var bad = send(path, token, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("file").contains("malformed feed XML");
    }

    java.net.http.HttpResponse<String> send(String path, String token, String body) {
        try {
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).header("Accept-Language", "en").header("Content-Type", "application/atom+xml")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            return java.net.http.HttpClient.newHttpClient().send(req,
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every lead the user may read, page by page. */
    List<Lead> readableLeads(DicasUser user) {
        List<Lead> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page<Lead> shown = leads.list(user, new Paging(page, Paging.MAX_SIZE));
            all.addAll(shown.items());
            if (!shown.hasNext()) {
                return all;
            }
        }
    }
}
