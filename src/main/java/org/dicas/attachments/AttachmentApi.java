package org.dicas.attachments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.dicas.security.DicasUser;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Paging;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Attachments")
class AttachmentApi {

    private final Attachments attachments;

    AttachmentApi(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(path = "/api/v1/records/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file (multipart: file, marking) to a document, meeting, agenda item, requirement, "
            + "program or SoSA request you may read. PDF, Word, Excel, PowerPoint, OpenDocument, text/CSV or "
            + "PNG/JPEG/GIF/WebP, up to dicas.attachments.max-size (413 above); the type is sniffed from the bytes. The "
            + "marking must be at least as restrictive as the record's.")
    ResponseEntity<Attachment> attach(DicasUser me, @PathVariable long id,
                                      @RequestParam(required = false) MultipartFile file,
                                      @RequestParam(required = false) String marking) {
        Attachment a = upload(attachments, me, id, file, marking);
        return ResponseEntity.created(URI.create("/api/v1/attachments/" + a.id())).body(a);
    }

    /** The upload of a multipart file, shared by the API and the page form. */
    static Attachment upload(Attachments attachments, DicasUser me, long parentId, MultipartFile file, String marking) {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            throw InvalidInputException.of("file", "attachment.error.noFile");
        }
        if (file.getSize() > attachments.maxSize()) {
            throw attachments.tooLarge(Attachments.cleanName(file.getOriginalFilename()));
        }
        try (InputStream in = file.getInputStream()) {
            return attachments.attach(me, parentId, file.getOriginalFilename(), in, marking);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/records/{id}/attachments")
    @Operation(summary = "A page of the files attached to a record, those you may read, oldest first")
    MarkedList<Attachment> list(DicasUser me, @PathVariable long id, Paging paging) {
        return MarkedList.page(attachments.list(me, id, paging), Attachment::marking);
    }

    @GetMapping("/api/v1/attachments/{id}")
    @Operation(summary = "The bytes of a file you may read, with its marking (X-DICAS-Marking) and SHA-256 "
            + "(X-DICAS-SHA256)")
    void download(DicasUser me, @PathVariable long id, HttpServletResponse response) {
        attachments.download(me, id, a -> {
            headers(response, a);
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The headers of a file's download: as an attachment (RFC 6266, filename* for names beyond ASCII), never sniffed. */
    static void headers(HttpServletResponse response, Attachment a) {
        response.setContentType(a.contentType());
        response.setContentLengthLong(a.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(a.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-DICAS-Marking", a.marking().banner());
        response.setHeader("X-DICAS-SHA256", a.sha256());
        response.setHeader(HttpHeaders.ETAG, org.dicas.shared.ExpectedVersion.entityTag(a.version()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    @DeleteMapping("/api/v1/attachments/{id}")
    @Operation(summary = "Remove a file (its author, or the owner of the record it is attached to; If-Match: its version)")
    ResponseEntity<Void> remove(DicasUser me, @PathVariable long id, ExpectedVersion expected) {
        attachments.remove(me, id, expected);
        return ResponseEntity.noContent().build();
    }
}
