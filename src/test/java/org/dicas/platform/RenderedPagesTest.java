package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.security.KeptReadsForgetting;
import org.dicas.support.Http;
import org.dicas.support.RequestCosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A page marked {@link CachedPage} is served again from the bytes it was rendered as, to the same session, while the
 * database has not moved (ADR 0048) — and never when anything was written, to another session or to a request that
 * asks for a fresh page. Background work of the platform (the audit's sealer, expiry sweeps) may write between two
 * requests of a test and so make the second one render; the tests that need a copy served ask up to five times.
 */
@PlatformTest
class RenderedPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RequestCosts costs;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void stopCounting() {
        costs.stopCounting();
    }

    @Test
    void aPageAskedForAgainWhileNothingChangedIsServedFromItsCopyWithTheRequestsOwnCsrfToken() throws Exception {
        Http atla = new Http(port).signIn("jp.atla", "demo");
        costs.countFromNowOn();
        asked = 0;
        Http.Response[] pair = servedAgain(atla, "/working-groups");
        costs.awaitCounted("/working-groups", asked); // the served copy's cost is counted after its bytes went out
        String first = pair[0].body();
        String again = pair[1].body();
        assertThat(Http.csrf(again)).as("a token masked afresh for the response").isNotEqualTo(Http.csrf(first));
        assertThat(again).isEqualTo(first.replace(Http.csrf(first), Http.csrf(again)));
        assertThat(pair[1].header("Content-Type")).isEqualTo(pair[0].header("Content-Type"));
        assertThat(pair[1].header("Content-Language")).isEqualTo(pair[0].header("Content-Language"));
        assertThat(pair[1].header("Cache-Control")).as("the browser still keeps nothing").contains("no-store");
        RequestCosts.Cost served = costs.last("/working-groups");
        // the database's position, and the session: the groups, people, titles and unread count are not read
        assertThat(served.statements()).as("a served copy: %s", served.sql()).isEqualTo(2);
        assertThat(served.sql().get(0)).as("read before the session").contains("pg_current_wal_insert_lsn");
    }

    @Test
    void theTokenOfAServedCopySignsAFormAndASignedOutSessionIsServedNothing() {
        Http atla = new Http(port).signIn("jp.atla", "demo");
        Http.Response again = servedAgain(atla, "/documents")[1];
        Http.Response out = atla.form("/logout", Http.csrf(again.body()), Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).contains("/login");
        Http.Response after = atla.get("/documents", null);
        assertThat(after.status()).as("signed out: sent to sign in, not served the copy").isEqualTo(302);
        assertThat(after.header("Location")).contains("/login");
    }

    @Test
    void aChangeCommittedByAnotherReaderIsOnTheNextViewOfTheList() {
        Http atla = new Http(port).signIn("jp.atla", "demo");
        String filter = "/documents?q=RPG48+" + System.nanoTime();
        servedAgain(atla, filter);
        Http api = new Http(port);
        String title = "RPG48 " + filter.substring(filter.lastIndexOf('+') + 1) + " co-production note";
        Http.Response made = api.post("/api/v1/documents", api.token("us.acq", "demo"), Map.of("title", title,
                "body", "shared with Japan", "marking", "UNCLASSIFIED"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        double servedBefore = served();
        Http.Response next = atla.get(filter, null);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body()).contains(title);
        assertThat(served()).as("rendered, not served").isEqualTo(servedBefore);
    }

    @Test
    void aPageRenderedFromWhatTheNodeKeptIsNotServedAgainOnceTheNodeForgotIt() {
        Http atla = new Http(port).signIn("jp.atla", "demo");
        servedAgain(atla, "/documents"); // the list's page is kept (ADR 0050), the page's copy too (ADR 0048)
        // as when a change committed elsewhere, already in the database's position read for the copy, is heard late
        KeptReadsForgetting.forgetAll(context);
        double servedBefore = served();
        assertThat(atla.get("/documents", null).status()).isEqualTo(200);
        assertThat(served()).as("rendered again, not served from a copy of what the node forgot").isEqualTo(servedBefore);
    }

    @Test
    void anotherSessionOfTheSameReaderAndAnotherReaderAreRenderedTheirOwnPages() {
        // every client signs in first: a sign-in writes, and a write would make any copy out of date by itself
        Http atla = new Http(port).signIn("jp.atla", "demo");
        Http atlaElsewhere = new Http(port).signIn("jp.atla", "demo");
        Http acq = new Http(port).signIn("us.acq", "demo");
        for (int attempt = 0; attempt < 5; attempt++) {
            // an address none of the three has asked for before (the dashboard ignores the parameter)
            String path = "/?attempt=" + attempt;
            servedAgain(atla, path);
            double servedBefore = served();
            Http.Response otherSession = atlaElsewhere.get(path, null);
            Http.Response otherReader = acq.get(path, null);
            assertThat(otherSession.status()).isEqualTo(200);
            assertThat(otherReader.status()).isEqualTo(200);
            Http.Response atlaAgain = atla.get(path, null);
            if (served() == servedBefore + 1) {
                // jp.atla's copy was still current when the other two asked, and neither was served it
                assertThat(atlaAgain.status()).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError("jp.atla's copy never stayed current across the other two requests");
    }

    @Test
    void aReloadAndAPageNotMarkedAreAlwaysRendered() {
        Http atla = new Http(port).signIn("jp.atla", "demo");
        servedAgain(atla, "/working-groups");
        double servedBefore = served();
        assertThat(atla.getRendered("/working-groups").status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(atla.get("/settings", null).status()).isEqualTo(200);
        }
        assertThat(served()).isEqualTo(servedBefore);
    }

    @Test
    void aPageAskedForAfterTheSessionsLanguageChangedIsRenderedInTheNewLanguage() {
        Http atla = new Http(port).signIn("jp.atla", "demo");
        String english = servedAgain(atla, "/working-groups")[1].body();
        assertThat(english).containsPattern("<html[^>]* lang=\"en\"");
        // the language is kept in the session (in the database): choosing another one is a write
        assertThat(atla.inLanguage("ja").get("/?lang=ja", null).status()).isEqualTo(200);
        double servedBefore = served();
        Http.Response japanese = atla.get("/working-groups", null);
        assertThat(japanese.body()).containsPattern("<html[^>]* lang=\"ja\"");
        assertThat(served()).isEqualTo(servedBefore);
    }

    /**
     * Asks for {@code path} twice in a row until the second is served from the copy the first left (at most five
     * times: a write by the platform's background work in between makes the second render); the two responses.
     */
    /** How many requests {@link #servedAgain} has sent (since a test set it to 0). */
    private int asked;

    private Http.Response[] servedAgain(Http client, String path) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Http.Response first = client.get(path, null);
            assertThat(first.status()).as(path).isEqualTo(200);
            double before = served();
            Http.Response again = client.get(path, null);
            asked += 2;
            assertThat(again.status()).as(path).isEqualTo(200);
            if (served() > before) {
                return new Http.Response[] {first, again};
            }
        }
        throw new AssertionError(path + " was rendered every time, never served from its copy");
    }

    private double served() {
        return meters.get("dicas.pages.copies").tag("outcome", "served").counter().count();
    }
}
