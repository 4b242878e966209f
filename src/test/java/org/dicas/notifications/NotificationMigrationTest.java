package org.dicas.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.dicas.PlatformTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notification-references migration (V22) on notifications written before it (an English/Japanese sentence with the record's title copied in): the record
 * comes from the link, what happened from the sentence's fixed end (request number, outcome, acting nation kept), and
 * the copied text is gone. Runs the real migrations into a schema of its own on the test database.
 */
@PlatformTest
class NotificationMigrationTest {

    @Autowired
    DataSource dataSource;

    record Migrated(long recordId, String key, List<String> args, String link) {
    }

    Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration")
                .target(target).load();
    }

    /** The versions of the migration just before the one under test and of that migration. */
    String[] versions(String schema) {
        MigrationInfo[] all = flyway(schema, "latest").info().all();
        for (int i = 1; i < all.length; i++) {
            if (all[i].getDescription().equals("notification references")) {
                return new String[] {all[i - 1].getVersion().getVersion(), all[i].getVersion().getVersion()};
            }
        }
        throw new AssertionError("no notification-references migration");
    }

    @Test
    void legacyNotificationsKeepTheirRecordAndWhatHappenedButNotTheCopiedTitle() {
        String schema = "notification_migration_" + UUID.randomUUID().toString().substring(0, 8);
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
                    + "origin_nation) values ('DOCUMENT', 'Secret plan', 'CUI//NOFORN', 2, true, false, 'USA') "
                    + "returning id").query(Long.class).single();
            String history = "/records/" + rec + "/history";
            String sosa = "/sosa/requests/" + rec;
            String n = "#" + rec;
            Map<String, String[]> legacy = new LinkedHashMap<>();
            legacy.put("requested", new String[] {
                "Release request #7 for \"Secret plan\" awaits a decision / 開示要請 #7 が判断待ちです", history});
            legacy.put("approved", new String[] {
                "Release request #8 for \"Secret plan\" approved / 承認されました", history});
            legacy.put("faked", new String[] {
                "Release request #9 for \"x approved / 承認されました\" denied / 却下されました", history});
            legacy.put("submitted", new String[] {"SoSA request " + n + " from JPN (Rocket motors, SM-3) awaits "
                    + "acknowledgement by USA / JPNからのSoSA要請 " + n + " が受領待ちです", sosa});
            legacy.put("acknowledged", new String[] {"SoSA request " + n + " (Rocket motors) was acknowledged by USA"
                    + " / SoSA要請 " + n + " は USA に受領されました", sosa});
            legacy.put("responded", new String[] {"SoSA request " + n + " (Rocket motors): the firm's response is "
                    + "DECLINED / SoSA要請 " + n + " に企業の回答（DECLINED）が記録されました", sosa});
            legacy.put("closed", new String[] {"SoSA request " + n + " (Rocket motors) was closed by JPN / SoSA要請 "
                    + n + " は JPN により完了しました", sosa});
            legacy.put("other", new String[] {"Something else about \"Secret plan\"", history});
            legacy.put("gone", new String[] {
                "Release request #10 for \"Secret plan\" denied / 却下されました", "/records/999999999/history"});
            legacy.put("unlinked", new String[] {"Welcome, see \"Secret plan\"", ""});
            for (String[] row : legacy.values()) {
                jdbc.sql("insert into " + s + "notification (user_id, message, link) values (:u, :m, :l)")
                        .param("u", user).param("m", row[0]).param("l", row[1]).update();
            }

            flyway(schema, versions[1]).migrate();

            List<Migrated> rows = jdbc.sql("select coalesce(record_id, 0), message_key, message_args, link from "
                            + s + "notification order by id")
                    .query((rs, i) -> new Migrated(rs.getLong(1), rs.getString(2),
                            List.of((String[]) rs.getArray(3).getArray()), rs.getString(4))).list();
            List<String> names = new ArrayList<>(legacy.keySet());
            Map<String, Migrated> by = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                by.put(names.get(i), rows.get(i));
            }
            String id = Long.toString(rec);
            assertThat(by).hasSize(legacy.size());
            assertThat(by.get("requested"))
                    .isEqualTo(new Migrated(rec, "notification.release.requested", List.of("7"), history));
            assertThat(by.get("approved"))
                    .isEqualTo(new Migrated(rec, "notification.release.approved", List.of("8"), history));
            assertThat(by.get("faked")).as("a title cannot fake the outcome")
                    .isEqualTo(new Migrated(rec, "notification.release.denied", List.of("9"), history));
            assertThat(by.get("submitted"))
                    .isEqualTo(new Migrated(rec, "notification.sosa.submitted", List.of(id), sosa));
            assertThat(by.get("acknowledged"))
                    .isEqualTo(new Migrated(rec, "notification.sosa.acknowledged", List.of(id, "USA"), sosa));
            assertThat(by.get("responded"))
                    .isEqualTo(new Migrated(rec, "notification.sosa.responded.DECLINED", List.of(id), sosa));
            assertThat(by.get("closed"))
                    .isEqualTo(new Migrated(rec, "notification.sosa.closed", List.of(id, "JPN"), sosa));
            assertThat(by.get("other")).isEqualTo(new Migrated(rec, "notification.earlier", List.of(), history));
            assertThat(by.get("gone")).isEqualTo(new Migrated(0, "notification.removed", List.of(), ""));
            assertThat(by.get("unlinked")).isEqualTo(new Migrated(0, "notification.removed", List.of(), ""));
            assertThat(jdbc.sql("select count(*) from information_schema.columns where table_schema = :s "
                            + "and table_name = 'notification' and column_name = 'message'")
                    .param("s", schema).query(Integer.class).single()).as("the copied text is dropped").isZero();
        } finally {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
        }
    }
}
