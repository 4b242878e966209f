package org.dicas.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.dicas.platform.embedded.ClusterSettings;
import org.dicas.platform.embedded.EmbeddedCluster;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Chooses the database: the standard {@code spring.datasource.*} settings (e.g. {@code SPRING_DATASOURCE_URL})
 * when given, otherwise an embedded PostgreSQL 17 whose files live under {@code dicas.data-dir}/postgres and
 * survive restarts ({@link EmbeddedCluster}: crash-safe creation, leftover servers stopped, durable unless
 * {@code dicas.embedded.durable=false}, restarted by a watchdog; when that fails, liveness goes DOWN).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static boolean externalDatabase(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url != null && !url.isBlank();
    }

    @Bean
    DemoMode demoMode(Environment env) {
        Boolean explicit = env.getProperty("dicas.demo", Boolean.class);
        return new DemoMode(explicit != null ? explicit : !externalDatabase(env));
    }

    static class EmbeddedWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !externalDatabase(context.getEnvironment());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(EmbeddedWanted.class)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedCluster embeddedCluster(@Value("${dicas.data-dir}") String dataDir,
                                        @Value("${dicas.embedded.port:0}") int port,
                                        @Value("${dicas.embedded.clean:false}") boolean clean,
                                        @Value("${dicas.embedded.durable:true}") boolean durable,
                                        ApplicationEventPublisher events) throws IOException {
            ClusterSettings settings = ClusterSettings.of(Path.of(dataDir).toAbsolutePath().resolve("postgres"))
                    .withPort(port).withClean(clean).withDurable(durable)
                    .withServerConfig("timezone", "UTC")
                    .withServerConfig("max_connections", "50");
            // the database is gone for good: the process is broken, so a supervisor restarts it
            return EmbeddedCluster.start(settings, reason -> AvailabilityChangeEvent.publish(events,
                    EmbeddedCluster.class, LivenessState.BROKEN));
        }

        @Bean
        DataSource dataSource(EmbeddedCluster postgres,
                              @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeout,
                              @Value("${spring.datasource.hikari.validation-timeout:1000}") long validationTimeout) {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(postgres.jdbcUrl("postgres"));
            ds.setUsername("postgres");
            ds.setMaximumPoolSize(10);
            ds.setPoolName("dicas-embedded");
            // the same bounded waits as an external database (application.properties): an outage answers 503 fast
            ds.setConnectionTimeout(connectionTimeout);
            ds.setValidationTimeout(validationTimeout);
            return ds;
        }
    }
}
