package org.dicas.forum.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dicas.attachments.Attachment;
import org.dicas.attachments.Attachments;
import org.dicas.forum.ActionItem;
import org.dicas.forum.ActionItems;
import org.dicas.forum.AgendaItem;
import org.dicas.forum.Decision;
import org.dicas.forum.Document;
import org.dicas.forum.Library;
import org.dicas.forum.Meeting;
import org.dicas.forum.MeetingDetails;
import org.dicas.forum.Meetings;
import org.dicas.forum.WorkingGroup;
import org.dicas.forum.WorkingGroups;
import org.dicas.platform.Markdown;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Component;

/**
 * What a meeting read-ahead and a working-group status report hold for one reader (ADR 0039), composed from the same
 * services the pages use, so everything goes through the one releasability policy: a meeting or group the reader may
 * not read is not found, and an item they may not read is simply not there. Each product knows the high-water mark
 * of exactly what it holds — the banner of its every page.
 */
@Component
class ForumReports {

    /** A document's summary: the opening of its text, at most this many characters. */
    static final int SUMMARY_LENGTH = 600;

    private final Meetings meetings;
    private final ActionItems actionItems;
    private final WorkingGroups groups;
    private final Library library;
    private final MarkedRecords records;
    private final Markdown markdown;
    private final Attachments attachments;

    ForumReports(Meetings meetings, ActionItems actionItems, WorkingGroups groups, Library library,
                 MarkedRecords records, Markdown markdown, Attachments attachments) {
        this.attachments = attachments;
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.groups = groups;
        this.library = library;
        this.records = records;
        this.markdown = markdown;
    }

    /** A record another item links to (a requirement, opportunity or program), as the reader may read it. */
    record LinkedRecord(long id, String kind, String title, Marking marking) {
    }

    /** A document with the opening of its text as plain text. */
    record DocumentSummary(Document document, String summary) {
    }

    /** An agenda item with the record it links, when the reader may read that record. */
    record AgendaEntry(AgendaItem item, String description, Optional<LinkedRecord> linked) {
    }

    /**
     * A file attached to the meeting or to one of its agenda items, as the reader may read it; {@code agendaItem} is
     * the item it is attached to (empty: the meeting itself).
     */
    record FileEntry(Attachment attachment, Optional<AgendaItem> agendaItem) {
    }

    /**
     * A meeting read-ahead: the meeting's facts, its agenda, the documents it links (by agenda item, and those of
     * its working group) with their summaries, the files attached to the meeting and its agenda items, and the open
     * action items of its working group (of the meeting itself when it has no group). Each section knows the
     * portion mark of the highest record in it, which its heading carries.
     */
    record ReadAhead(Meeting meeting, Optional<WorkingGroup> group, List<AgendaEntry> agenda,
                     List<DocumentSummary> documents, List<FileEntry> files, List<ActionItem> openActionItems) {

        Marking highWaterMark() {
            List<Marking> shown = new ArrayList<>();
            shown.add(meeting.marking());
            group.ifPresent(g -> shown.add(g.marking()));
            shown.add(agendaMarking());
            shown.add(documentsMarking());
            shown.add(filesMarking());
            shown.add(actionItemsMarking());
            return Marking.highWaterMark(shown);
        }

        /** The agenda's items and the records they link. */
        public Marking agendaMarking() {
            List<Marking> shown = new ArrayList<>();
            agenda.forEach(a -> {
                shown.add(a.item().marking());
                a.linked().ifPresent(l -> shown.add(l.marking()));
            });
            return Marking.highWaterMark(shown);
        }

        public Marking documentsMarking() {
            return Marking.highWaterMark(documents.stream().map(d -> d.document().marking()).toList());
        }

        /** The files and the agenda items they are attached to (whose titles the section names). */
        public Marking filesMarking() {
            List<Marking> shown = new ArrayList<>();
            files.forEach(f -> {
                shown.add(f.attachment().marking());
                f.agendaItem().ifPresent(a -> shown.add(a.marking()));
            });
            return Marking.highWaterMark(shown);
        }

        public Marking actionItemsMarking() {
            return Marking.highWaterMark(openActionItems.stream().map(ActionItem::marking).toList());
        }
    }

    /** One meeting of a status report with the decisions recorded at it. */
    record MeetingEntry(Meeting meeting, List<Decision> decisions) {
    }

    /**
     * A working-group status report: the group's facts, its meetings with their decisions, its open and overdue
     * action items, its documents, and the programs and opportunities its meetings linked (those the reader may
     * read).
     */
    record StatusReport(WorkingGroup group, List<MeetingEntry> meetings, List<ActionItem> openActionItems,
                        List<DocumentSummary> documents, List<LinkedRecord> linkedRecords) {

        Marking highWaterMark() {
            return Marking.highWaterMark(List.of(group.marking(), meetingsMarking(), actionItemsMarking(),
                    documentsMarking(), linkedMarking()));
        }

        /** The meetings and the decisions recorded at them. */
        public Marking meetingsMarking() {
            List<Marking> shown = new ArrayList<>();
            meetings.forEach(m -> {
                shown.add(m.meeting().marking());
                m.decisions().forEach(d -> shown.add(d.marking()));
            });
            return Marking.highWaterMark(shown);
        }

        public Marking actionItemsMarking() {
            return Marking.highWaterMark(openActionItems.stream().map(ActionItem::marking).toList());
        }

        public Marking documentsMarking() {
            return Marking.highWaterMark(documents.stream().map(d -> d.document().marking()).toList());
        }

        public Marking linkedMarking() {
            return Marking.highWaterMark(linkedRecords.stream().map(LinkedRecord::marking).toList());
        }

        /** How many of the open action items are overdue (the template says so above the table). */
        public long overdue() {
            return openActionItems.stream().filter(a -> a.status() == ActionItem.Status.OVERDUE).count();
        }
    }

    ReadAhead readAhead(DicasUser me, long meetingId) {
        MeetingDetails details = meetings.get(me, meetingId);
        Meeting m = details.meeting();
        Optional<WorkingGroup> group = m.workingGroupId() == null ? Optional.empty()
                : groups.find(me, m.workingGroupId());
        List<AgendaEntry> agenda = details.agenda().stream()
                .map(a -> new AgendaEntry(a, markdown.text(a.description()), linked(me, a.linkedRecordId())))
                .toList();
        Map<Long, Document> documents = new LinkedHashMap<>();
        agenda.stream().flatMap(a -> a.linked().stream()).filter(l -> "DOCUMENT".equals(l.kind()))
                .forEach(l -> documents.computeIfAbsent(l.id(), id -> library.get(me, id)));
        group.ifPresent(g -> library.ofWorkingGroup(me, g.id()).forEach(d -> documents.putIfAbsent(d.id(), d)));
        List<ActionItem> open = group.map(g -> open(meetings.ofWorkingGroup(me, g.id()).stream()
                        .flatMap(gm -> actionItems.ofMeeting(me, gm.id()).stream())))
                .orElseGet(() -> open(details.actionItems().stream()));
        List<FileEntry> files = new ArrayList<>();
        attachments.shown(me, m.id()).forEach(a -> files.add(new FileEntry(a, Optional.empty())));
        details.agenda().forEach(item -> attachments.shown(me, item.id())
                .forEach(a -> files.add(new FileEntry(a, Optional.of(item)))));
        return new ReadAhead(m, group, agenda, summaries(documents.values()), files, open);
    }

    StatusReport statusReport(DicasUser me, long groupId) {
        WorkingGroup g = groups.get(me, groupId);
        List<MeetingDetails> details = meetings.ofWorkingGroup(me, groupId).stream()
                .map(m -> meetings.get(me, m.id())).toList();
        Map<Long, LinkedRecord> linked = new LinkedHashMap<>();
        details.forEach(d -> Stream.concat(d.agenda().stream().map(AgendaItem::linkedRecordId),
                        d.decisions().stream().map(Decision::opportunityId))
                .forEach(id -> linked(me, id).filter(l -> !"DOCUMENT".equals(l.kind()))
                        .ifPresent(l -> linked.putIfAbsent(l.id(), l))));
        return new StatusReport(g,
                details.stream().map(d -> new MeetingEntry(d.meeting(), d.decisions())).toList(),
                open(details.stream().flatMap(d -> d.actionItems().stream())),
                summaries(library.ofWorkingGroup(me, groupId)),
                linked.values().stream().sorted(Comparator.comparing(LinkedRecord::kind)
                        .thenComparing(LinkedRecord::id)).toList());
    }

    /** The open and overdue ones, soonest due first. */
    private static List<ActionItem> open(Stream<ActionItem> items) {
        return items.filter(a -> a.status() != ActionItem.Status.DONE)
                .sorted(Comparator.comparing(ActionItem::dueDate).thenComparing(ActionItem::id)).toList();
    }

    private List<DocumentSummary> summaries(Collection<Document> documents) {
        return documents.stream().map(d -> new DocumentSummary(d, summary(markdown.text(d.body())))).toList();
    }

    static String summary(String text) {
        String t = text.strip();
        if (t.length() <= SUMMARY_LENGTH) {
            return t;
        }
        int cut = t.lastIndexOf(' ', SUMMARY_LENGTH);
        return t.substring(0, cut > SUMMARY_LENGTH / 2 ? cut : SUMMARY_LENGTH).strip() + "…";
    }

    /** The linked record when there is one and the reader may read it (a withheld link shows nothing). */
    private Optional<LinkedRecord> linked(DicasUser me, Long recordId) {
        if (recordId == null || !records.readable(recordId, me)) {
            return Optional.empty();
        }
        return records.summary(recordId).map(s -> new LinkedRecord(s.id(), s.kind(), s.title(), s.marking().marking()));
    }
}
