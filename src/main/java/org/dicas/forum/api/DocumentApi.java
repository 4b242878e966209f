package org.dicas.forum.api;

import org.dicas.shared.TableView;
import org.dicas.platform.SortedBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.dicas.shared.ExpectedVersion;
import org.dicas.forum.Document;
import org.dicas.forum.DocumentCommand;
import org.dicas.forum.DocumentDiff;
import org.dicas.forum.DocumentVersion;
import org.dicas.forum.Library;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/documents")
@Tag(name = "Documents")
class DocumentApi {

    private final Library library;

    DocumentApi(Library library) {
        this.library = library;
    }

    @GetMapping
    @Operation(summary = "A page of the documents you may read, most recently changed first, then by id")
    MarkedList<Document> list(DicasUser me, Paging paging, @SortedBy(Library.class) TableView view) {
        return MarkedList.page(library.list(me, paging, view), Document::marking);
    }

    @GetMapping("/{id}")
    Document get(DicasUser me, @PathVariable long id) {
        return library.get(me, id);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "A page of the versions of a document you may read (newest first, without bodies): a version "
            + "once marked higher than you may read is left out")
    MarkedList<DocumentVersion> versions(DicasUser me, @PathVariable long id, Paging paging) {
        return MarkedList.page(library.versions(me, id, paging), DocumentVersion::marking);
    }

    @GetMapping("/{id}/versions/{number}")
    @Operation(summary = "One version of a document with its body, as it was marked then; hidden: 404")
    DocumentVersion version(DicasUser me, @PathVariable long id, @PathVariable int number) {
        return library.version(me, id, number);
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "The line diff between two versions you may read (from, to: version numbers), under their "
            + "high-water mark")
    DocumentDiff diff(DicasUser me, @PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return library.diff(me, id, from, to);
    }

    @PostMapping
    ResponseEntity<Document> add(DicasUser me, @Valid @RequestBody DocumentCommand command) {
        Document d = library.add(me, command);
        return ResponseEntity.created(URI.create("/api/v1/documents/" + d.id())).body(d);
    }

    @PutMapping("/{id}")
    Document update(DicasUser me, @PathVariable long id, ExpectedVersion expected, @Valid @RequestBody DocumentCommand command) {
        return library.update(me, id, expected, command);
    }
}
