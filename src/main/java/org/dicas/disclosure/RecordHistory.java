package org.dicas.disclosure;

import java.util.List;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.ExportAuthorization;
import org.dicas.security.MarkedRecords;
import org.springframework.stereotype.Service;

/**
 * The history of one record as its readers see it: who created and changed it and its marking, every release
 * request and decision, and the export authorizations attached to it. Reads are audited but not shown here.
 */
@Service
public class RecordHistory {

    /**
     * One audited change: {@code detail} in the reader's language (or as written, for an entry written as text), and
     * beside it the sentence as codes ({@link AuditLog.Entry}).
     */
    public record Event(java.time.Instant at, String actor, @org.dicas.shared.Labelled("audit.action") String action,
                        String detail, String detailKey,
                        List<Object> detailArgs) {
    }

    public record View(long id, @org.dicas.shared.Labelled(value = "record.kind", lowerCase = true) String kind, String title, String link,
                       String marking, @org.dicas.shared.Labelled("nation") String originNation,
                       List<Event> events, List<DisclosureRequest> requests, List<ExportAuthorization> authorizations) {
    }

    private final ForeignDisclosure disclosure;
    private final AuditLog audit;
    private final MarkedRecords records;

    RecordHistory(ForeignDisclosure disclosure, AuditLog audit, MarkedRecords records) {
        this.disclosure = disclosure;
        this.audit = audit;
        this.records = records;
    }

    /** The history of a record, what the system wrote in it in {@code locale}'s language. */
    public View of(DicasUser user, long recordId, java.util.Locale locale) {
        MarkedRecords.Summary rec = disclosure.readable(user, recordId);
        List<Event> events = audit.changesOf(recordId, locale).stream()
                .map(e -> new Event(e.at(), e.actor(), e.action(), e.detail(), e.detailKey(), e.detailArgs()))
                .toList();
        return new View(rec.id(), rec.kind(), rec.title(), rec.link(), rec.marking().marking().banner(),
                rec.marking().originNation().code(), events, disclosure.ofRecord(user, recordId),
                records.authorizationsOf(recordId));
    }
}
