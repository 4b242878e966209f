package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.PlatformTest;
import org.dicas.shared.Sentence;
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
    @Autowired
    AuditChain chain;

    /** What a test entry says: a sentence with the given text as its argument. */
    static Sentence detail(String text) {
        return Sentence.of("audit.detail.user", text);
    }

    /** An entry as every entry was written before V37: English text in detail, no sentence. */
    long appendAsText(String actor, String text) {
        return chain.append(actor, "TEST", null, null, text, null);
    }

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
        assertThat(audit.changesOf(doc, Locale.ENGLISH)).filteredOn(e -> e.action().equals("UPDATE"))
                .extracting(AuditLog.Entry::detail).containsExactly("Marking CUI → CUI//NOFORN");
        assertThat(audit.changesOf(doc, Locale.JAPANESE)).filteredOn(e -> e.action().equals("UPDATE"))
                .extracting(AuditLog.Entry::detail).containsExactly("区分表示：CUI → CUI//NOFORN");
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
        long id = audit.append("tester", "TEST", null, null, detail("append-only"));
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
        long id = appendAsText("tester", "original text");
        audit.append("tester", "TEST", null, null, detail("after"));
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
        long id = appendAsText("tester", "to be deleted");
        long next = audit.append("tester", "TEST", null, null, detail("next"));
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

    /**
     * ADR 0032: an entry written as text (every entry before V37) is hashed exactly as it always was — the stored
     * hash is the SHA-256 of its eight fields, computed here independently — and one written as a sentence verifies
     * beside it; the first shows as written in either language, the second in the reader's.
     */
    @Test
    void anEntryWrittenAsTextAndOneWrittenAsASentenceVerifySideBySide() {
        String actor = "chain-" + UUID.randomUUID().toString().substring(0, 8);
        String english = "created linking requirements [177, 190] from lead #232";
        long old = appendAsText(actor, english);
        long now = audit.append(actor, "TEST", 42L, "DOCUMENT", Sentence.of("audit.detail.releaseApproved", 41L,
                AuditLog.nations(List.of("JPN")), AuditLog.items(List.of()), "CUI", "CUI//REL TO USA, JPN"));
        var row = jdbc.sql("select at, prev_hash, hash, detail_sentence from audit_entry where id = :id").param("id", old)
                .query((rs, n) -> List.of(rs.getTimestamp(1).toInstant().toString(), rs.getString(2), rs.getString(3),
                        String.valueOf(rs.getString(4)))).single();
        assertThat(row.get(3)).as("no sentence").isEqualTo("null");
        assertThat(row.get(2)).as("the hash of the eight fields, as before V37").isEqualTo(AuditChain.sha256(
                String.join("\u001f", row.get(1), Long.toString(old), row.get(0), actor, "TEST", "", "", english)));
        assertThat(jdbc.sql("select detail from audit_entry where id = :id").param("id", now).query(String.class)
                .single()).as("a sentence entry keeps no text").isEmpty();
        assertThat(audit.verifyEverything().valid()).isTrue();

        var filter = new AuditLog.Filter(actor, null, null, null, null);
        var ja = audit.entries(filter, new Paging(1, 10), Locale.JAPANESE).items();
        var en = audit.entries(filter, new Paging(1, 10), Locale.ENGLISH).items();
        assertThat(ja).extracting(AuditLog.Entry::id).containsExactly(now, old);
        assertThat(ja.get(0).detail()).isEqualTo("開示要請 #41（開示先の国：日本、企業（ID）：なし）区分表示：CUI → CUI//REL TO USA, JPN");
        assertThat(en.get(0).detail()).isEqualTo(
                "Release request #41: released to nations Japan, company ids none; marking CUI → CUI//REL TO USA, JPN");
        assertThat(ja.get(0).detailKey()).isEqualTo("audit.detail.releaseApproved");
        assertThat(ja.get(0).detailArgs()).containsExactly(41L, List.of(Map.of("key", "nation.JPN", "args", List.of())),
                Map.of("key", "audit.detail.none", "args", List.of()), "CUI", "CUI//REL TO USA, JPN");
        assertThat(ja.get(1).detail()).as("written as text: shown as written").isEqualTo(english);
        assertThat(en.get(1).detail()).isEqualTo(english);
        assertThat(ja.get(1).detailKey()).isNull();
        assertThat(ja.get(1).detailArgs()).isEmpty();
    }

    /**
     * The hash covers the sentence as stored: changing an argument or the key, removing the sentence, or passing the
     * entry off as one written as text (its JSON moved into detail) is found at that entry.
     */
    @Test
    void editingTheSentenceOfAnEntryBreaksTheChainAtThatEntry() {
        long id = audit.append("tester", "TEST", null, null, Sentence.of("audit.detail.releaseDenied", 7L,
                "not releasable"));
        audit.append("tester", "TEST", null, null, detail("after"));
        assertThat(audit.verifyEverything().valid()).isTrue();
        String json = jdbc.sql("select detail_sentence from audit_entry where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(json).contains("audit.detail.releaseDenied").contains("not releasable");
        List<String> forgeries = List.of(
                "update audit_entry set detail_sentence = replace(detail_sentence, 'not releasable', 'releasable') where id = :id",
                "update audit_entry set detail_sentence = replace(detail_sentence, 'releaseDenied', 'releaseApproved') where id = :id",
                "update audit_entry set detail_sentence = null where id = :id",
                "update audit_entry set detail = detail_sentence, detail_sentence = null where id = :id");
        for (String forgery : forgeries) {
            AuditTampering.whileForged(jdbc, "audit_entry",
                    () -> jdbc.sql(forgery).param("id", id).update(),
                    () -> jdbc.sql("update audit_entry set detail = '', detail_sentence = :j where id = :id")
                            .param("j", json).param("id", id).update(),
                    () -> {
                        AuditLog.Verification v = audit.verifyEverything();
                        assertThat(v.valid()).as(forgery).isFalse();
                        assertThat(v.firstBrokenEntry()).as(forgery).isEqualTo(id);
                    });
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
