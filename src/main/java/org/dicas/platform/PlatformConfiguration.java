package org.dicas.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The clock every "today" and "now" comes from, so tests can pin time. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
