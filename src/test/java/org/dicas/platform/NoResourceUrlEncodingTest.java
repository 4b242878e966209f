package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicas.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Issue 11: with the resource chain on (Spring Boot turns it on when webjars-locator-lite is on the classpath), a
 * {@link ResourceUrlEncodingFilter} resolves every link of every page through the static locations and the webjars
 * locator, and concurrent page requests queue on class-path locks. The platform runs without it; the static files
 * and the versioned webjar path the pages use are still served.
 */
@PlatformTest
class NoResourceUrlEncodingTest {

    @Autowired
    ApplicationContext context;

    @Test
    void pagesDoNotResolveTheirLinksThroughTheResourceChain() {
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
        // Spring Boot registers it through a FilterRegistrationBean
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .noneMatch(r -> r.getFilter() instanceof ResourceUrlEncodingFilter);
    }
}
