package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Verification remembers the prefix it has verified and walks only what was added since; the full walk still reads
 * everything, and the remembered entry must still hold the remembered hash.
 */
@PlatformTest
class AuditCheckpointTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditVerifier verifier;

    long checkpointEntry() {
        return verifier.checkpoint().orElseThrow().lastId();
    }

    void forgeDetail(long id, String detail) {
        AuditTampering.withTriggerOff(jdbc, "audit_entry",
                () -> jdbc.sql("update audit_entry set detail = :d where id = :id").param("d", detail).param("id", id).update());
    }

    @Test
    void verificationWalksOnlyTheEntriesAddedSinceTheLastOne() {
        AuditLog.Verification first = audit.verify();
        assertThat(first.valid()).isTrue();
        long remembered = checkpointEntry();
        audit.append("tester", "TEST", null, null, AuditChainTest.detail("new 1"));
        long last = audit.append("tester", "TEST", null, null, AuditChainTest.detail("new 2"));

        AuditLog.Verification next = audit.verify();
        assertThat(next.valid()).isTrue();
        assertThat(next.full()).isFalse();
        assertThat(next.resumedAfter()).isEqualTo(remembered);
        assertThat(next.checkedEntries()).isEqualTo(2);
        assertThat(next.entries()).isEqualTo(first.entries() + 2);
        assertThat(checkpointEntry()).isEqualTo(last);
        assertThat(next.lastEntry()).isEqualTo(last);
        assertThat(next.lastHash()).isEqualTo(jdbc.sql("select hash from audit_entry where id = :id").param("id", last)
                .query(String.class).single());

        AuditLog.Verification full = audit.verifyEverything();
        assertThat(full.full()).isTrue();
        assertThat(full.resumedAfter()).isZero();
        assertThat(full.checkedEntries()).isEqualTo(full.entries()).isEqualTo(next.entries());
    }

    @Test
    void theFullWalkFindsAnEditBeforeTheCheckpoint() {
        long edited = audit.append("tester", "TEST", null, null, AuditChainTest.detail("verified once"));
        audit.append("tester", "TEST", null, null, AuditChainTest.detail("after it"));
        assertThat(audit.verify().valid()).isTrue();
        assertThat(checkpointEntry()).isGreaterThan(edited);
        String original = jdbc.sql("select detail from audit_entry where id = :id").param("id", edited)
                .query(String.class).single();
        forgeDetail(edited, "forged after verification");
        try {
            assertThat(audit.verify().valid()).as("the incremental walk does not re-read the verified prefix").isTrue();
            AuditLog.Verification full = audit.verifyEverything();
            assertThat(full.valid()).isFalse();
            assertThat(full.firstBrokenEntry()).isEqualTo(edited);
        } finally {
            forgeDetail(edited, original);
        }
        assertThat(audit.verifyEverything().valid()).isTrue();
    }

    @Test
    void anEditOfTheRememberedEntryIsFoundByTheIncrementalWalk() {
        audit.append("tester", "TEST", null, null, AuditChainTest.detail("to be remembered"));
        assertThat(audit.verify().valid()).isTrue();
        long remembered = checkpointEntry();
        String original = jdbc.sql("select detail from audit_entry where id = :id").param("id", remembered)
                .query(String.class).single();
        forgeDetail(remembered, "forged");
        try {
            AuditLog.Verification v = audit.verify();
            assertThat(v.valid()).isFalse();
            assertThat(v.firstBrokenEntry()).isEqualTo(remembered);
            assertThat(checkpointEntry()).as("a failed walk does not move the checkpoint").isEqualTo(remembered);
        } finally {
            forgeDetail(remembered, original);
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void theApiVerifiesIncrementallyUnlessAskedForTheFullWalk() {
        Http http = new Http(port);
        String admin = http.token("admin", "demo");
        JsonNode incremental = http.get("/api/v1/audit/verify", admin).json();
        JsonNode full = http.get("/api/v1/audit/verify?full=true", admin).json();
        assertThat(incremental.get("full").asBoolean()).isFalse();
        assertThat(full.get("full").asBoolean()).isTrue();
        assertThat(full.get("resumedAfter").asLong()).isZero();
        for (JsonNode body : new JsonNode[] {incremental, full}) {
            assertThat(body.get("valid").asBoolean()).isTrue();
            assertThat(body.has("entries") && body.has("firstBrokenEntry") && body.has("reads")
                    && body.has("unsealedReads") && body.has("firstBrokenReadBatch") && body.has("checkedEntries")).isTrue();
        }
    }
}
