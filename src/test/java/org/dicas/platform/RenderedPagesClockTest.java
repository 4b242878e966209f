package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.dicas.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.method.HandlerMethod;

/**
 * What a copy's age and date decide, by the application's clock (ADR 0048): the page cache's own filters and
 * interceptor over the real database's position, with a clock the test moves. A copy is served within 30 s of its
 * rendering and on its date; past 30 s, or past midnight (the releasability policy's today) even within 30 s, the page
 * is rendered again. Background writes of the platform can move the position between two requests; a step that needs a
 * copy served asks again, at most five times.
 */
@PlatformTest
class RenderedPagesClockTest {

    @Autowired
    WriteAheadLog log;

    @Autowired
    ApplicationContext context;

    /** A clock the test sets. */
    static final class SetClock extends Clock {
        Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Stands for a page handler marked {@link CachedPage}. */
    static final class Page {
        @CachedPage
        public String show() {
            return "page";
        }
    }

    final SetClock clock = new SetClock(Instant.parse("2026-12-05T23:59:10Z"));
    final AtomicInteger renders = new AtomicInteger();
    final MockHttpSession session = new MockHttpSession(null, "clock-test-session");
    RenderedPages pages;

    @Test
    void aCopyIsServedWithinThirtySecondsOnItsDateAndRenderedAgainAfterEitherMoves() throws Exception {
        pages = new RenderedPages(log, clock, new SimpleMeterRegistry(), context,
                context.getBeanProvider(KeptInMemory.class), true, 8);
        for (int attempt = 0; attempt < 5; attempt++) {
            clock.now = Instant.parse("2026-12-05T23:59:10Z");
            String first = servedAgain();
            clock.now = clock.now.plusSeconds(29);
            if (!ask().equals(first)) {
                continue; // the platform wrote in between: start again
            }
            clock.now = clock.now.plusSeconds(2); // 31 s after the rendering, still 5 December
            assertThat(ask()).as("31 s after it was rendered").isNotEqualTo(first);

            String late = servedAgain(); // rendered at 23:59:41
            clock.now = Instant.parse("2026-12-06T00:00:05Z"); // under 30 s later, but the next day
            assertThat(ask()).as("past midnight: authorizations may have ended").isNotEqualTo(late);
            return;
        }
        throw new AssertionError("a copy was never served 29 s after it was rendered");
    }

    /** Asks until the second of two requests in a row is served the first's copy; that page. */
    private String servedAgain() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            String rendered = ask();
            if (ask().equals(rendered)) {
                return rendered;
            }
        }
        throw new AssertionError("never served from its copy");
    }

    /** One request through the position filter, the page filter and the interceptor; the page's body. */
    private String ask() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/working-groups");
        request.addHeader("Cookie", "SESSION=clock-test-session");
        request.setSession(session);
        request.setUserPrincipal(() -> "jp.atla");
        MockHttpServletResponse response = new MockHttpServletResponse();
        HandlerMethod handler = new HandlerMethod(new Page(), Page.class.getMethod("show"));
        FilterChain page = (rq, rs) -> {
            pages.preHandle((jakarta.servlet.http.HttpServletRequest) rq,
                    (jakarta.servlet.http.HttpServletResponse) rs, handler);
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write("<p>rendering " + renders.incrementAndGet() + "</p>");
        };
        FilterChain inner = (rq, rs) -> pages.renderedPagesFilter().getFilter().doFilter(rq, rs, page);
        pages.renderedPagesPosition().getFilter().doFilter(request, response, inner);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }
}
