package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Which observations every request pays for by default (issue 11, thirteenth measurement): the HTTP request timers
 * stay, Spring Security's per-filter observations are off ({@code management.observations.enable.spring.security}).
 */
@PlatformTest
class ObservationsTest {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ApplicationContext context;

    @Test
    void aSignedInRequestIsTimedButTheSecurityChainIsNotObservedFilterByFilter() {
        Http http = new Http(port);
        String token = http.token("jp.atla", "demo");
        assertThat(http.get("/api/v1/documents", token).status()).isEqualTo(200);

        // the request's timer is registered when the server's observation stops, which may come just after the
        // response: wait for it (so the registry is shown to collect), then look for the chain's
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> meters.find("http.server.requests").tag("uri", "/api/v1/documents").timer() != null);
        assertThat(meters.getMeters()).extracting(m -> m.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security"));
    }

    @Test
    void theSecurityChainsFiltersAreNotWrappedForObservations() {
        // Spring Security's composite proxy holds the proxy of the platform's two chains; its decorator wraps every
        // filter twice per request when observations are on, and not at all when they are off
        Object composite = context.getBean("springSecurityFilterChain");
        FilterChainProxy chains = (FilterChainProxy) ReflectionTestUtils.getField(composite, "springSecurityFilterChain");
        assertThat(chains.getFilterChains()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(ReflectionTestUtils.getField(chains, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
