package org.dicas.titles.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.dicas.security.DicasUser;
import org.dicas.shared.ExpectedVersion;
import org.dicas.titles.RecordTitles;
import org.dicas.titles.Titles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A record's titles in both languages, for API clients (ADR 0031). */
@RestController
class TitleEndpoints {

    private final RecordTitles titles;

    TitleEndpoints(RecordTitles titles) {
        this.titles = titles;
    }

    @GetMapping("/api/v1/records/{id}/titles")
    @Operation(summary = "A record's title and summary in English (en) and Japanese (ja), each with whether it is a "
            + "glossary draft no person confirmed and whether it is the record's own; ETag is the record's version")
    Titles titles(DicasUser me, @PathVariable long id) {
        return titles.get(me, id);
    }

    @PutMapping("/api/v1/records/{id}/titles/{language}")
    @Operation(summary = "Write a record's title (and summary) in the other language (en or ja), confirmed or as a "
            + "draft; If-Match the record's version. Government users and the record's author may")
    Titles set(DicasUser me, @PathVariable long id, @PathVariable String language, ExpectedVersion expected,
               @RequestBody RecordTitles.TitleChange change) {
        return titles.set(me, id, language, change, expected);
    }

    @GetMapping("/api/v1/records/{id}/titles/{language}/draft")
    @Operation(summary = "A glossary draft of a record's title in a language (en or ja) from its title in the other: "
            + "term by term, words the glossary does not know kept as written; nothing is saved")
    RecordTitles.Proposal draft(DicasUser me, @PathVariable long id, @PathVariable String language) {
        return titles.draft(me, id, language);
    }
}
