package org.dicas.forum.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.dicas.platform.Downloads;
import org.dicas.platform.PdfDocuments;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A meeting's read-ahead and a working group's status report as PDF (issue 15, point 6; ADR 0039), in the reader's
 * language, holding only what the reader may read ({@link ForumReports}) and marked with its high-water mark at the
 * top and the bottom of every page, each item with its portion mark. A download is audited as an export, with the
 * banner the file carries.
 */
@Controller
class ForumPdfs {

    private final ForumReports reports;
    private final PdfDocuments pdfs;
    private final AuditLog audit;
    private final Clock clock;

    ForumPdfs(ForumReports reports, PdfDocuments pdfs, AuditLog audit, Clock clock) {
        this.reports = reports;
        this.pdfs = pdfs;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the template shows besides the product: who it was prepared for, and when. */
    private Map<String, Object> model(DicasUser me, Object product) {
        return Map.of("r", product, "preparedFor", me.displayName(), "preparedAt", Instant.now(clock));
    }

    @GetMapping("/meetings/{id}/read-ahead.pdf")
    ResponseEntity<byte[]> readAhead(DicasUser me, @PathVariable long id, Locale locale) {
        ForumReports.ReadAhead r = reports.readAhead(me, id);
        Marking banner = r.highWaterMark();
        byte[] pdf = pdfs.render("pdf/read-ahead", model(me, r), banner, locale);
        audit.exported(me, id, "MEETING", Sentence.of("pdf.readAhead.kind"), banner);
        return pdf(pdf, banner, "pdf.readAhead.filename", id, locale);
    }

    @GetMapping("/working-groups/{id}/report.pdf")
    ResponseEntity<byte[]> statusReport(DicasUser me, @PathVariable long id, Locale locale) {
        ForumReports.StatusReport r = reports.statusReport(me, id);
        Marking banner = r.highWaterMark();
        byte[] pdf = pdfs.render("pdf/status-report", model(me, r), banner, locale);
        audit.exported(me, id, "WORKING_GROUP", Sentence.of("pdf.statusReport.kind"), banner);
        return pdf(pdf, banner, "pdf.statusReport.filename", id, locale);
    }

    /**
     * The PDF as a download: its banner in {@code X-DICAS-Marking}, its name in English as {@code filename} and in
     * the reader's language as {@code filename*} (RFC 6266), so a Japanese reader saves 事前資料-12.pdf and a client
     * that knows only {@code filename} still gets a name.
     */
    static ResponseEntity<byte[]> pdf(byte[] pdf, Marking banner, String filenameKey, long id, Locale locale) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(filenameKey, locale, String.valueOf(id)))
                .header("X-DICAS-Marking", banner.banner())
                .body(pdf);
    }
}
