package org.dicas.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.ExportAuthorization;
import org.dicas.security.ExportAuthorizations;
import org.dicas.shared.ExpectedVersion;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The note the system writes on the authorization a foreign-disclosure decision issues is a sentence rendered in the
 * reader's language; an officer who types another note replaces it, one who leaves it as shown keeps the sentence.
 */
@PlatformTest
class AuthorizationNoteTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ExportAuthorizations authorizations;
    @Autowired
    Directory directory;

    @Test
    void theDecisionsNoteReadsInEachLanguageUntilAnOfficerTypesAnother() {
        Http http = new Http(port);
        String acq = http.token("us.acq", "demo");
        String fdo = http.token("us.fdo", "demo");
        var doc = http.post("/api/v1/documents", acq, Map.of("title", "ITAR note data", "body", "b",
                "marking", "CUI//REL TO USA, JPN//EXPORT ITAR USML-IV"));
        assertThat(doc.status()).as(doc.body()).isEqualTo(201);
        long sakura = jdbc.sql("select id from organization where name like 'Sakura%'").query(Long.class).single();
        long request = http.post("/api/v1/records/" + doc.json().get("id").asLong() + "/disclosure-requests", acq,
                Map.of("companies", List.of(sakura), "justification", "licensed production")).json().get("id").asLong();
        var approved = http.post("/api/v1/disclosure-requests/" + request + "/approve", fdo, Map.of("reason", "basis"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        long id = jdbc.sql("select authorization_id from disclosure_request where id = :id").param("id", request)
                .query(Long.class).single();

        String english = "Foreign-disclosure decision on request #" + request;
        String japanese = "開示要請 #" + request + " の判断に基づき発行";
        assertThat(http.get("/api/v1/authorizations/" + id, fdo).body()).contains(english);
        Http inJapanese = new Http(port).inLanguage("ja");
        assertThat(inJapanese.get("/api/v1/authorizations/" + id, inJapanese.token("us.fdo", "demo")).body())
                .contains(japanese).doesNotContain(english);
        Http page = new Http(port).inLanguage("ja").signIn("us.fdo", "demo");
        assertThat(page.get("/authorizations/" + id, null).body()).contains(japanese);

        // saved as shown (in Japanese): still the system's sentence; typed anew: the officer's own note
        DicasUser officer = directory.userByUsername("us.fdo").orElseThrow();
        ExportAuthorization a = authorizations.get(officer, id);
        ExportAuthorization kept = authorizations.change(officer, id, new ExpectedVersion(a.version()), command(a, japanese));
        assertThat(noteSentence(id)).isTrue();
        ExportAuthorization typed = authorizations.change(officer, id, new ExpectedVersion(kept.version()),
                command(kept, "Renewed by letter"));
        assertThat(noteSentence(id)).isFalse();
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        try {
            assertThat(authorizations.get(officer, id).note()).isEqualTo("Renewed by letter");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(typed.note()).isEqualTo("Renewed by letter");
    }

    static ExportAuthorizations.Command command(ExportAuthorization a, String note) {
        return new ExportAuthorizations.Command(a.number(), a.kind(), a.regime(),
                a.coveredNations().stream().map(n -> n.code()).toList(), a.coveredCompanies(), a.validFrom(),
                a.validTo(), note);
    }

    boolean noteSentence(long id) {
        return jdbc.sql("select note_sentence is not null from export_authorization where id = :id").param("id", id)
                .query(Boolean.class).single();
    }
}
