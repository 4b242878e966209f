package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dicas.DicasApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL keeps its files under the data directory: what one run writes, the next run reads. */
class EmbeddedDatabaseTest {

    static ConfigurableApplicationContext start(Path dir) {
        return new SpringApplicationBuilder(DicasApplication.class).web(WebApplicationType.NONE)
                .run("--dicas.data-dir=" + dir, "--dicas.demo=true", "--dicas.embedded.durable=false",
                        "--spring.main.banner-mode=off");
    }

    @Test
    void dataSurvivesARestartAndDemoDataIsLoadedOnce() throws Exception {
        Path dir = Files.createTempDirectory("dicas-restart");
        try (var first = start(dir)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(first.getBean(DemoMode.class).enabled()).isTrue();
            jdbc.sql("insert into nation (code, name_en, name_ja) values ('NOR', 'Norway', 'ノルウェー')").update();
        }
        assertThat(dir.resolve("postgres/PG_VERSION")).exists();
        try (var second = start(dir)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select name_en from nation where code = 'NOR'").query(String.class).single()).isEqualTo("Norway");
            assertThat(jdbc.sql("select count(*) from app_user where username = 'jp.atla'").query(Integer.class).single()).isEqualTo(1);
        }
    }
}
