package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The audit listing shows chain entries and reads together, newest first, with the same filters, a page at a time. */
@PlatformTest
class AuditListingTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditReads reads;

    /** An actor of its own: three chain entries and four reads of record {@code recordId}, interleaved. */
    String actorWithSevenEvents(long recordId) {
        String actor = "lister-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            audit.append(actor, "TEST", null, null, AuditChainTest.detail("entry " + i));
            reads.record(actor, "DOCUMENT", recordId, "CUI");
        }
        reads.record(actor, "DOCUMENT", recordId, "CUI");
        return actor;
    }

    static AuditLog.Filter byActor(String actor, String action, Long recordId) {
        return new AuditLog.Filter(actor, action, recordId, null, null);
    }

    @Test
    void readsAreListedAmongTheChainEntriesNewestFirstWithTheSameFilters() {
        long recordId = AuditReadsTest.freshRecordId();
        String actor = actorWithSevenEvents(recordId);
        Page<AuditLog.Entry> all = audit.entries(byActor(actor, null, null), new Paging(1, 50), Locale.ENGLISH);
        assertThat(all.total()).isEqualTo(7);
        assertThat(all.items()).extracting(AuditLog.Entry::action)
                .containsExactly("READ", "READ", "TEST", "READ", "TEST", "READ", "TEST");
        assertThat(all.items()).extracting(AuditLog.Entry::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(audit.entries(byActor(actor, "READ", null), new Paging(1, 50), Locale.ENGLISH).total()).isEqualTo(4);
        assertThat(audit.entries(byActor(actor, "TEST", null), new Paging(1, 50), Locale.ENGLISH).total()).isEqualTo(3);
        assertThat(audit.entries(byActor(null, null, recordId), new Paging(1, 50), Locale.ENGLISH).items())
                .extracting(AuditLog.Entry::actor).containsOnly(actor).hasSize(4);
        assertThat(audit.actions()).contains("READ", "TEST");
    }

    @Test
    void theApiPagesTheListInAStableOrder() {
        String actor = actorWithSevenEvents(AuditReadsTest.freshRecordId());
        Http http = new Http(port);
        String admin = http.token("admin", "demo");
        List<Long> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonNode body = http.get("/api/v1/audit?actor=" + actor + "&size=3&page=" + page, admin).json();
            assertThat(body.get("page").asInt()).isEqualTo(page);
            assertThat(body.get("size").asInt()).isEqualTo(3);
            assertThat(body.get("total").asLong()).isEqualTo(7);
            body.get("items").forEach(e -> seen.add(e.get("id").asLong()));
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(seen).containsExactlyElementsOf(audit.entries(byActor(actor, null, null), new Paging(1, 7), Locale.ENGLISH)
                .items().stream().map(AuditLog.Entry::id).toList());
        JsonNode firstPage = http.get("/api/v1/audit?actor=" + actor, admin).json();
        assertThat(firstPage.get("size").asInt()).as("default size").isEqualTo(50);
        assertThat(firstPage.get("page").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/audit?size=" + (Paging.MAX_SIZE + 1), admin).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/audit?size=0", admin).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/audit?page=0", admin).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/audit?size=" + Paging.MAX_SIZE, admin).status()).isEqualTo(200);
    }

    @Test
    void theAuditPageHasAPagerInsteadOfACutOff() {
        String actor = actorWithSevenEvents(AuditReadsTest.freshRecordId());
        Http web = new Http(port).signIn("admin", "demo");
        String first = web.get("/admin/audit?actor=" + actor + "&size=3", null).body();
        assertThat(first).contains("1–3 of 7").contains("page=2").contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
        String last = web.get("/admin/audit?actor=" + actor + "&size=3&page=3", null).body();
        assertThat(last).contains("7–7 of 7").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        String japanese = web.get("/admin/audit?actor=" + actor + "&size=3&page=2&lang=ja", null).body();
        assertThat(japanese).contains("全7件中 4–6件").contains("次へ").contains("前へ");
    }
}
