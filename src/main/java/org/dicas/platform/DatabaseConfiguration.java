package org.dicas.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * survive restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

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
        EmbeddedPostgres embeddedPostgres(@Value("${dicas.data-dir}") String dataDir,
                                          @Value("${dicas.embedded.port:0}") int port,
                                          @Value("${dicas.embedded.clean:false}") boolean clean) throws IOException {
            Path dir = Path.of(dataDir).toAbsolutePath().resolve("postgres");
            Files.createDirectories(dir.getParent());
            log.info("Starting embedded PostgreSQL with data in {}", dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(clean)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "50");
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        }

        @Bean
        DataSource dataSource(EmbeddedPostgres postgres,
                              @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeout,
                              @Value("${spring.datasource.hikari.validation-timeout:1000}") long validationTimeout) {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
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
