package org.dicas.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.dicas.PlatformTest;
import org.dicas.shared.Sentence;
import org.dicas.shared.SentenceJson;
import org.dicas.shared.Sentences;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration that keeps what was written down as sentences (V32), on rows written before it: a notification's
 * acting nation, stored as a bare code, becomes the nation's label (日本 / Japan when read), other arguments stay as
 * they were; a SoSA history step in the fixed form "acknowledged by JPN" becomes a sentence, any other keeps its text.
 * Runs the real migrations into a schema of its own on the test database.
 */
@PlatformTest
class SentenceMigrationTest {

    @Autowired
    DataSource dataSource;

    Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration")
                .target(target).load();
    }

    String[] versions(String schema) {
        MigrationInfo[] all = flyway(schema, "latest").info().all();
        for (int i = 1; i < all.length; i++) {
            if (all[i].getDescription().equals("sentences in sosa history and notifications")) {
                return new String[] {all[i - 1].getVersion().getVersion(), all[i].getVersion().getVersion()};
            }
        }
        throw new AssertionError("no sentences migration");
    }

    @Test
    void storedCodesBecomeLabelsAndEarlierHistoryStillShows() {
        String schema = "sentence_migration_" + UUID.randomUUID().toString().substring(0, 8);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try {
            String[] versions = versions(schema);
            flyway(schema, versions[0]).migrate();
            String s = schema + ".";
            long org = jdbc.sql("insert into " + s + "organization (name, kind, nation) "
                    + "values ('Agency', 'GOVERNMENT', 'USA') returning id").query(Long.class).single();
            long user = jdbc.sql("insert into " + s + "app_user (username, password_hash, display_name, nation, "
                            + "organization_id, access_level) values ('legacy', 'x', 'Legacy', 'USA', :o, 'CUI') "
                            + "returning id")
                    .param("o", org).query(Long.class).single();
            long rec = jdbc.sql("insert into " + s + "record (kind, title, marking, level, noforn, propin, "
                    + "origin_nation) values ('SOSA_REQUEST', 'SoSA JPN → USA', 'UNCLASSIFIED', 0, false, false, "
                    + "'JPN') returning id").query(Long.class).single();
            jdbc.sql("insert into " + s + "sosa_request (id, requesting_nation, receiving_nation, program, item, "
                            + "supplier_name, quantity, needed_by, justification, status, requester_id) values "
                            + "(:id, 'JPN', 'USA', 'P', 'I', 'S', 1, date '2030-01-01', 'J', 'ACKNOWLEDGED', :u)")
                    .param("id", rec).param("u", user).update();
            String notification = "insert into " + s + "notification (user_id, record_id, message_key, message_args, "
                    + "link) values (:u, :r, :k, cast(:a as text[]), '')";
            jdbc.sql(notification).param("u", user).param("r", rec).param("k", "notification.sosa.acknowledged")
                    .param("a", "{" + rec + ",USA}").update();
            jdbc.sql(notification).param("u", user).param("r", rec).param("k", "notification.release.requested")
                    .param("a", "{7}").update();
            String event = "insert into " + s + "sosa_request_event (request_id, actor_id, status, detail) "
                    + "values (:r, :u, :st, :d)";
            jdbc.sql(event).param("r", rec).param("u", user).param("st", "SUBMITTED")
                    .param("d", "JPN -> USA: 1 x I (P), needed by 2030-01-01").update();
            jdbc.sql(event).param("r", rec).param("u", user).param("st", "ACKNOWLEDGED")
                    .param("d", "acknowledged by USA").update();
            jdbc.sql(event).param("r", rec).param("u", user).param("st", "ACKNOWLEDGED")
                    .param("d", "acknowledged by USA: desk officer, see note").update();

            flyway(schema, versions[1]).migrate();

            List<List<Object>> args = jdbc.sql("select message_args from " + s + "notification order by id")
                    .query((rs, i) -> SentenceJson.readArgs(rs.getString(1))).list();
            assertThat(args.get(0)).containsExactly(String.valueOf(rec), Sentence.nation("USA"));
            assertThat(args.get(1)).containsExactly("7");
            Sentence acknowledged = new Sentence("notification.sosa.acknowledged",
                    List.of(Sentence.of("notification.record", "SoSA JPN → USA"), args.get(0).get(0),
                            args.get(0).get(1)));
            assertThat(Sentences.render(acknowledged, Locale.JAPANESE)).contains("米国 に受領されました")
                    .doesNotContain("USA に");
            assertThat(Sentences.render(acknowledged, Locale.ENGLISH)).contains("acknowledged by United States");

            List<String> shown = jdbc.sql("select detail, detail_sentence from " + s + "sosa_request_event order by id")
                    .query((rs, i) -> rs.getString(2) == null ? "legacy:" + rs.getString(1)
                            : Sentences.render(SentenceJson.read(rs.getString(2)), Locale.JAPANESE)).list();
            assertThat(shown).containsExactly("legacy:JPN -> USA: 1 x I (P), needed by 2030-01-01", "米国が受領",
                    "米国が受領：desk officer, see note");
        } finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }
}
