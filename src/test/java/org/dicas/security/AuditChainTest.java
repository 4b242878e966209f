package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The audit log is a hash chain: what the application does is in it, and any edit of a row is detected. */
@PlatformTest
class AuditChainTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditReads reads;

    long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
    }

    @Test
    void signInsCreatesUpdatesAndCuiReadsAreAudited() {
        Http http = new Http(port);
        long before = lastId();
        http.post("/api/v1/auth/token", null, Map.of("username", "us.navy", "password", "wrong"));
        String token = http.token("us.navy", "demo");
        long doc = http.post("/api/v1/documents", token, Map.of("title", "Audited", "body", "b", "marking", "CUI"))
                .json().get("id").asLong();
        http.put("/api/v1/documents/" + doc, token, Map.of("title", "Audited 2", "body", "b", "marking", "CUI//NOFORN"));
        http.get("/api/v1/documents/" + doc, token);
        http.delete("/api/v1/auth/token", token);
        var actions = jdbc.sql("select actor || ' ' || action || coalesce(' ' || record_id, '') from audit_trail where id > :b order by id")
                .param("b", before).query(String.class).list();
        assertThat(actions).contains("us.navy SIGN_IN_FAILED", "us.navy SIGN_IN", "us.navy TOKEN_ISSUED",
                "us.navy CREATE " + doc, "us.navy UPDATE " + doc, "us.navy READ " + doc, "us.navy TOKEN_REVOKED");
        assertThat(jdbc.sql("select detail from audit_entry where action = 'UPDATE' and record_id = :d").param("d", doc)
                .query(String.class).single()).isEqualTo("CUI -> CUI//NOFORN");
    }

    @Test
    void readsOfRecordsBelowCuiAreNotLoggedOneByOne() {
        Http http = new Http(port);
        String token = http.token("us.acq", "demo");
        long doc = http.post("/api/v1/documents", token, Map.of("title", "Plain", "body", "b", "marking", "UNCLASSIFIED"))
                .json().get("id").asLong();
        http.get("/api/v1/documents/" + doc, token);
        assertThat(jdbc.sql("select count(*) from audit_trail where action = 'READ' and record_id = :d").param("d", doc)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRows() {
        long id = audit.append("tester", "TEST", null, null, "append-only");
        reads.record("tester", "DOCUMENT", 1, "CUI");
        long read = jdbc.sql("select max(id) from audit_read").query(Long.class).single();
        for (var row : new Object[][] {{"audit_entry", id}, {"audit_read", read}}) {
            assertThatThrownBy(() -> jdbc.sql("update " + row[0] + " set detail = 'x' where id = :id").param("id", row[1])
                    .update()).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("delete from " + row[0] + " where id = :id").param("id", row[1]).update())
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("truncate " + row[0]).update()).hasMessageContaining("append-only");
        }
    }

    @Test
    void editingARowWithPlainSqlBreaksTheChainAtThatEntry() {
        long id = audit.append("tester", "TEST", null, null, "original text");
        audit.append("tester", "TEST", null, null, "after");
        assertThat(audit.verifyEverything().valid()).isTrue();
        // an attacker with database rights switches the trigger off and edits one row
        jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
        try {
            jdbc.sql("update audit_entry set detail = 'forged text' where id = :id").param("id", id).update();
            AuditLog.Verification v = audit.verifyEverything();
            assertThat(v.valid()).isFalse();
            assertThat(v.firstBrokenEntry()).isEqualTo(id);
            // the API reports the same
            Http http = new Http(port);
            JsonNode body = http.get("/api/v1/audit/verify?full=true", http.token("admin", "demo")).json();
            assertThat(body.get("valid").asBoolean()).isFalse();
            assertThat(body.get("firstBrokenEntry").asLong()).isEqualTo(id);
        } finally {
            jdbc.sql("update audit_entry set detail = 'original text' where id = :id").param("id", id).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
        }
        assertThat(audit.verifyEverything().valid()).isTrue();
    }

    @Test
    void deletingARowBreaksTheChainAtTheNextEntry() {
        long id = audit.append("tester", "TEST", null, null, "to be deleted");
        long next = audit.append("tester", "TEST", null, null, "next");
        var row = jdbc.sql("select at, prev_hash, hash from audit_entry where id = :id").param("id", id).query().singleRow();
        jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
        try {
            jdbc.sql("delete from audit_entry where id = :id").param("id", id).update();
            assertThat(audit.verifyEverything().firstBrokenEntry()).isEqualTo(next);
        } finally {
            jdbc.sql("""
                            insert into audit_entry (id, at, actor, action, detail, prev_hash, hash)
                            values (:id, :at, 'tester', 'TEST', 'to be deleted', :prev, :hash)""")
                    .param("id", id).param("at", row.get("at")).param("prev", row.get("prev_hash"))
                    .param("hash", row.get("hash")).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
        }
        assertThat(audit.verifyEverything().valid()).isTrue();
    }

    @Test
    void verificationAndTheLogAreForAdministratorsOnly() {
        Http http = new Http(port);
        var admin = http.get("/api/v1/audit/verify", http.token("admin", "demo"));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().has("valid") && admin.json().has("entries") && admin.json().has("firstBrokenEntry")).isTrue();
        for (String user : new String[] {"us.acq", "us.fdo", "jp.atla", "au.dod"}) {
            String t = http.token(user, "demo");
            assertThat(http.get("/api/v1/audit/verify", t).status()).as(user).isEqualTo(404);
            assertThat(http.get("/api/v1/audit", t).status()).as(user).isEqualTo(404);
        }
        Http web = new Http(port).signIn("admin", "demo");
        var page = web.get("/admin/audit?action=SIGN_IN", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("SIGN_IN");
        assertThat(new Http(port).signIn("jp.atla", "demo").get("/admin/audit", null).status()).isEqualTo(404);
    }
}
