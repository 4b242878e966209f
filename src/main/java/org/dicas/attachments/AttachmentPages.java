package org.dicas.attachments;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.dicas.platform.FormErrors;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.dicas.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The attachments panel's form posts and downloads. The panel itself is the {@code fragments/attachments} fragment on
 * each parent's page; after an upload or a removal the reader is sent back to that page, with what went wrong (in
 * their language) and the marking they had entered when something did.
 */
@Controller
class AttachmentPages {

    private final Attachments attachments;
    private final MarkedRecords records;

    AttachmentPages(Attachments attachments, MarkedRecords records) {
        this.attachments = attachments;
        this.records = records;
    }

    @PostMapping("/records/{id}/attachments")
    String attach(DicasUser me, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String marking, RedirectAttributes flash) {
        try {
            Attachment a = AttachmentApi.upload(attachments, me, id, file, marking);
            flash.addFlashAttribute("attachmentAdded", a.name());
            flash.addFlashAttribute("attachmentFor", id);
        } catch (InvalidInputException | InvalidMarkingException e) {
            flash.addFlashAttribute("attachmentErrors", FormErrors.of(e));
            flash.addFlashAttribute("attachmentFor", id);
            flash.addFlashAttribute("attachmentMarking", marking == null ? "" : marking);
        }
        return "redirect:" + back(id);
    }

    @GetMapping("/attachments/{id}/download")
    void download(DicasUser me, @PathVariable long id, HttpServletResponse response) {
        attachments.download(me, id, a -> {
            AttachmentApi.headers(response, a);
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @PostMapping("/attachments/{id}/delete")
    String remove(DicasUser me, @PathVariable long id, ExpectedVersion expected, RedirectAttributes flash) {
        Attachment a = attachments.get(me, id);
        attachments.remove(me, id, expected);
        flash.addFlashAttribute("attachmentRemoved", a.name());
        flash.addFlashAttribute("attachmentFor", a.parentId());
        return "redirect:" + back(a.parentId());
    }

    /** The parent's page, at its attachments. */
    private String back(long parentId) {
        String link = records.summary(parentId).map(MarkedRecords.Summary::link)
                .orElseThrow(() -> new NotFoundException("record", parentId));
        int hash = link.indexOf('#');
        return (hash < 0 ? link : link.substring(0, hash)) + "#attachments-" + parentId;
    }
}
