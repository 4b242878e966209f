package org.dicas.forum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.dicas.attachments.Attachments;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dicas.PlatformTest;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read-aheads and working-group status reports as PDF (issue 15, point 6): each reader's PDF holds only what they may
 * read, says so in their language, and carries the high-water mark of what it holds at the top and the bottom of every
 * page, with a portion mark on each item. The PDFs are read back with PDFBox, page by page.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadAheadPdfTest {

    static final String SHARED = "UNCLASSIFIED//REL TO USA, JPN, AUS";
    static final String CUI = "CUI//REL TO USA, JPN";
    static final String SECRET_AGENDA = "Hypersonic glide seeker trade study";
    static final String SECRET_DOCUMENT = "Seeker flight test schedule and office hours";
    static final String SECRET_DECISION = "Fund the seeker risk-reduction phase";
    static final String SHARED_FILE = "seeker-review-slides.pdf";
    static final String SECRET_FILE = "seeker-test-ranges.pdf";
    static final String SECRET_AGENDA_FILE = "seeker-trade-study.pdf";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Directory directory;
    @Autowired
    WorkingGroups groups;
    @Autowired
    Meetings meetings;
    @Autowired
    Library library;
    @Autowired
    ActionItems actionItems;
    @Autowired
    MarkedRecords records;
    @Autowired
    Attachments attachments;

    long group;
    long meeting;
    long hiddenMeeting;
    long hiddenGroup;
    long program;

    DicasUser user(String name) {
        return directory.userByUsername(name).orElseThrow();
    }

    /**
     * A working group all three nations may read, with a meeting whose agenda is long enough to fill several pages;
     * one agenda item, one document, one decision and one action item are CUI for the U.S. and Japan only; a
     * program the Australian may not read is linked from an agenda item. Besides, a meeting and a group Australia
     * may not read at all.
     */
    @BeforeAll
    void data() {
        DicasUser admin = user("admin");
        DicasUser us = user("us.acq");
        DicasUser au = user("au.dod");
        group = groups.create(admin, new WorkingGroupCommand("PDF-WG", "Seeker working group", "シーカー作業部会",
                "Coordinates seeker development.", "シーカー開発を調整する。", WorkingGroup.Status.ACTIVE, null, SHARED,
                List.of(), List.of())).id();
        hiddenGroup = groups.create(admin, new WorkingGroupCommand("PDF-WG-CUI", "Restricted seeker group",
                "限定シーカー部会", "", "", WorkingGroup.Status.ACTIVE, null, CUI, List.of(), List.of())).id();
        LocalDateTime start = LocalDateTime.of(2099, 4, 14, 9, 30);
        meeting = meetings.create(us, new MeetingCommand(Meeting.Kind.WORKING_GROUP, group, "Seeker review",
                "シーカー審査会合", start, start.plusHours(3), "Asia/Tokyo", "Ichigaya", "", SHARED, List.of())).id();
        hiddenMeeting = meetings.create(us, new MeetingCommand(Meeting.Kind.WORKING_GROUP, hiddenGroup,
                "Restricted seeker review", "限定シーカー審査", start, start.plusHours(2), "Asia/Tokyo", "Ichigaya", "",
                CUI, List.of())).id();
        program = jdbc.sql("select id from record where kind = 'PROGRAM' order by id").query(Long.class).list()
                .stream().filter(id -> records.readable(id, us) && !records.readable(id, au)).findFirst()
                .orElseThrow();
        long secretItem = meetings.addAgendaItem(us, meeting, new AgendaItemCommand(null, SECRET_AGENDA,
                "Seeker trade study results.", "J. Doe", false, CUI, program)).id();
        // files: one of the meeting every nation reads, one of the meeting and one of the CUI item Australia may not
        attachments.attach(us, meeting, SHARED_FILE, new java.io.ByteArrayInputStream(onePagePdf()), SHARED);
        attachments.attach(us, meeting, SECRET_FILE, new java.io.ByteArrayInputStream(onePagePdf()), CUI);
        attachments.attach(us, secretItem, SECRET_AGENDA_FILE, new java.io.ByteArrayInputStream(onePagePdf()), CUI);
        for (int i = 1; i <= 45; i++) {
            meetings.addAgendaItem(us, meeting, new AgendaItemCommand(null, "Open agenda item " + i,
                    "Status of work stream " + i + " of the seeker programme, with the risks the nations see in it, "
                            + "the tests still to run and what the next review should decide.",
                    "Presenter " + i, i % 7 == 0, SHARED));
        }
        library.add(us, new DocumentCommand(SECRET_DOCUMENT, "Range slots for the seeker tests in **May**.", CUI,
                group));
        library.add(us, new DocumentCommand("Seeker glossary", "Common terms of the *seeker* working group.", SHARED,
                group));
        meetings.addDecision(us, meeting, new DecisionCommand(null, SECRET_DECISION, CUI));
        for (int i = 1; i <= 40; i++) {
            meetings.addDecision(us, meeting, new DecisionCommand(null, "Open decision " + i + ": the nations agree "
                    + "to continue work stream " + i + " and to report at the next review.", SHARED));
        }
        actionItems.create(us, new ActionItemCommand(meeting, null, "Circulate the seeker test plan", "", us.id(),
                LocalDate.of(2099, 5, 1), ActionItem.Status.OPEN, SHARED));
        actionItems.create(us, new ActionItemCommand(meeting, null, "Brief the seeker test results", "", us.id(),
                LocalDate.of(2099, 5, 2), ActionItem.Status.OPEN, CUI));
    }

    /** A PDF of one empty page, made here (no file from elsewhere). */
    static byte[] onePagePdf() {
        try (PDDocument d = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            d.addPage(new PDPage());
            d.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The heading of a section with its portion mark before it, as the page reads it. */
    static String heading(String marking, String title) {
        return "(" + marking + ") " + title;
    }

    record Pdf(int status, String disposition, String marking, List<String> pages) {
        String text() {
            return String.join("\n", pages);
        }
    }

    Pdf download(Http web, String path) {
        HttpResponse<byte[]> r = web.bytes(path);
        List<String> pages = new ArrayList<>();
        if (r.statusCode() == 200) {
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
            try (PDDocument pdf = Loader.loadPDF(r.body())) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true); // the text as it reads on the page, top to bottom
                keep(path, web, r.body());
                for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                    stripper.setStartPage(p);
                    stripper.setEndPage(p);
                    pages.add(stripper.getText(pdf));
                }
            } catch (IOException e) {
                throw new AssertionError("not a PDF: " + path, e);
            }
        }
        return new Pdf(r.statusCode(), r.headers().firstValue("Content-Disposition").orElse(""),
                r.headers().firstValue("X-DICAS-Marking").orElse(""), pages);
    }

    /** The PDF holds these texts, wherever its lines wrap them (whitespace is ignored on both sides). */
    static void holds(Pdf pdf, String... parts) {
        assertThat(flat(pdf.text())).contains(java.util.Arrays.stream(parts).map(ReadAheadPdfTest::flat).toList());
    }

    static void holdsNone(Pdf pdf, String... parts) {
        assertThat(flat(pdf.text())).doesNotContain(java.util.Arrays.stream(parts).map(ReadAheadPdfTest::flat).toList());
    }

    static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Keeps the PDFs under target/pdf-samples, to look at after a run. */
    static void keep(String path, Http web, byte[] pdf) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "pdf-samples");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(web.language() + path.replace('/', '_')), pdf);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** The banner at the top and the bottom of every page: twice on each, beyond the portion marks "(…)". */
    static void bannerOnEveryPage(Pdf pdf, String banner) {
        assertThat(pdf.pages()).as("a multi-page PDF").hasSizeGreaterThan(1);
        for (int p = 0; p < pdf.pages().size(); p++) {
            String page = pdf.pages().get(p);
            int banners = count(flat(page), flat(banner)) - count(flat(page), flat("(" + banner + ")"));
            assertThat(banners).as("banner %s at the top and the bottom of page %d of %d", banner, p + 1,
                    pdf.pages().size()).isEqualTo(2);
            assertThat(page.strip()).as("page %d starts with the banner", p + 1).startsWith(banner);
            assertThat(flat(page)).as("page %d ends with the banner and the page number", p + 1)
                    .endsWith(flat(banner) + (p + 1) + "/" + pdf.pages().size());
        }
        assertThat(pdf.marking()).isEqualTo(banner);
    }

    @Test
    void readAheadCarriesTheHighWaterMarkAtTopAndBottomOfEveryPageAndPortionMarksOnEachItem() {
        Http web = new Http(port).signIn("us.acq", "demo");
        Pdf pdf = download(web, "/meetings/" + meeting + "/read-ahead.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        bannerOnEveryPage(pdf, CUI);
        String text = pdf.text();
        holds(pdf, "Read-ahead: Seeker review", "Agenda", SECRET_AGENDA, "Open agenda item 45", SECRET_DOCUMENT,
                "Range slots for the seeker tests in May.", "Seeker glossary", "Open action items of the working group",
                "Circulate the seeker test plan", "Brief the seeker test results", "Ichigaya");
        assertThat(count(flat(text), flat("(" + CUI + ")"))).as("portion marks of the CUI agenda item, linked program, document "
                + "and action item").isGreaterThanOrEqualTo(4);
        assertThat(count(flat(text), flat("(" + SHARED + ")"))).as("portion marks of the meeting, group, 45 agenda items, one "
                + "document and one action item").isGreaterThanOrEqualTo(49);
        assertThat(pdf.disposition()).startsWith("attachment").contains("filename=\"read-ahead-" + meeting + ".pdf\"")
                .contains("filename*=UTF-8''read-ahead-" + meeting + ".pdf");
    }

    @Test
    void aReaderWhoMayNotReadTheCuiItemsGetsAPdfWithoutThemAndWithALowerBanner() {
        Http web = new Http(port).signIn("au.dod", "demo");
        Pdf pdf = download(web, "/meetings/" + meeting + "/read-ahead.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        bannerOnEveryPage(pdf, SHARED);
        holds(pdf, "Open agenda item 1", "Seeker glossary", "Circulate the seeker test plan");
        holdsNone(pdf, SECRET_AGENDA, SECRET_DOCUMENT, "Range slots", "Brief the seeker test results", "CUI",
                records.summary(program).orElseThrow().title());
        Pdf report = download(web, "/working-groups/" + group + "/report.pdf");
        assertThat(report.status()).isEqualTo(200);
        bannerOnEveryPage(report, SHARED);
        holds(report, "Open decision 40", "Seeker glossary");
        holdsNone(report, SECRET_DECISION, SECRET_DOCUMENT, "CUI", records.summary(program).orElseThrow().title());
    }

    @Test
    void everySectionHeadingCarriesThePortionMarkOfTheHighestRecordInIt() {
        Pdf us = download(new Http(port).signIn("us.acq", "demo"), "/meetings/" + meeting + "/read-ahead.pdf");
        holds(us, heading(CUI, "Agenda"), heading(CUI, "Documents"),
                heading(CUI, "Files attached to the meeting and its agenda items"),
                heading(CUI, "Open action items of the working group"));
        Pdf au = download(new Http(port).signIn("au.dod", "demo"), "/meetings/" + meeting + "/read-ahead.pdf");
        holds(au, heading(SHARED, "Agenda"), heading(SHARED, "Documents"),
                heading(SHARED, "Files attached to the meeting and its agenda items"),
                heading(SHARED, "Open action items of the working group"));
        Pdf report = download(new Http(port).signIn("us.acq", "demo"), "/working-groups/" + group + "/report.pdf");
        holds(report, heading(CUI, "Meetings and decisions"), heading(CUI, "Open and overdue action items"),
                heading(CUI, "Documents"), heading(CUI, "Programs and opportunities"));
        Pdf auReport = download(new Http(port).signIn("au.dod", "demo"), "/working-groups/" + group + "/report.pdf");
        holds(auReport, heading(SHARED, "Meetings and decisions"), heading(SHARED, "Open and overdue action items"),
                heading(SHARED, "Documents"));
        // nothing linked that Australia may read: the empty section is marked at the lowest level
        holds(auReport, heading("PUBLIC", "Programs and opportunities"));
        Pdf ja = download(new Http(port).inLanguage("ja").signIn("jp.atla", "demo"),
                "/meetings/" + meeting + "/read-ahead.pdf");
        holds(ja, heading(CUI, "議題"), heading(CUI, "会合及び議題の添付ファイル"));
    }

    @Test
    void theReadAheadListsTheFilesOfTheMeetingAndItsAgendaItemsThatTheReaderMayRead() {
        Pdf us = download(new Http(port).signIn("us.acq", "demo"), "/meetings/" + meeting + "/read-ahead.pdf");
        // a row of the page that lists them: the portion mark, where it is attached and its size on the first line of
        // the row, the file's name beneath its portion mark
        String page = flat(us.pages().stream().filter(p -> flat(p).contains(SHARED_FILE)).findFirst().orElseThrow());
        assertThat(page).containsPattern(java.util.regex.Pattern.quote(flat("(" + SHARED + ")")) + "Themeeting[0-9.]+KB"
                + java.util.regex.Pattern.quote(SHARED_FILE));
        assertThat(page).containsPattern(java.util.regex.Pattern.quote(flat("(" + CUI + ")")) + "Themeeting[0-9.]+KB"
                + java.util.regex.Pattern.quote(SECRET_FILE));
        // attached to the CUI agenda item, named by its title (the row may fall on the next page)
        assertThat(flat(us.text())).containsPattern(java.util.regex.Pattern.quote(flat("(" + CUI + ")"))
                + "Hypersonic.{0,120}" + java.util.regex.Pattern.quote(SECRET_AGENDA_FILE));
        // Australia: the file it may read, and not a trace of the others
        Pdf au = download(new Http(port).signIn("au.dod", "demo"), "/meetings/" + meeting + "/read-ahead.pdf");
        assertThat(flat(au.text())).containsPattern(java.util.regex.Pattern.quote(flat("(" + SHARED + ")"))
                + "Themeeting[0-9.]+KB" + java.util.regex.Pattern.quote(SHARED_FILE));
        holdsNone(au, SECRET_FILE, SECRET_AGENDA_FILE, "seeker-test", "seeker-trade");
    }

    @Test
    void aJapaneseReaderGetsTheReadAheadInJapaneseWithAJapaneseFileName() {
        Http web = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        Pdf pdf = download(web, "/meetings/" + meeting + "/read-ahead.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        bannerOnEveryPage(pdf, CUI);
        holds(pdf, "事前資料：シーカー審査会合", "議題", "関連文書", "作業部会の未完了アクションアイテム", "シーカー作業部会",
                "担当者", "期限", "未完了", "2099年5月1日");
        String encoded = pdf.disposition().replaceFirst(".*filename\\*=UTF-8''", "");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("事前資料-" + meeting + ".pdf");
        assertThat(pdf.disposition()).contains("filename=\"read-ahead-" + meeting + ".pdf\"");
    }

    @Test
    void statusReportSpansPagesWithItsBannerAndListsMeetingsDecisionsActionItemsDocumentsAndLinkedPrograms() {
        Http web = new Http(port).signIn("us.acq", "demo");
        Pdf pdf = download(web, "/working-groups/" + group + "/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        bannerOnEveryPage(pdf, CUI);
        String programTitle = records.summary(program).orElseThrow().title();
        holds(pdf, "Status report: Seeker working group", "Meetings and decisions", "Seeker review", SECRET_DECISION,
                "Open decision 40", "Open and overdue action items", "Brief the seeker test results", SECRET_DOCUMENT,
                "Programs and opportunities", "Cooperative program: " + programTitle);
        assertThat(pdf.disposition()).contains("filename=\"status-report-" + group + ".pdf\"");
        Pdf ja = download(new Http(port).inLanguage("ja").signIn("jp.atla", "demo"),
                "/working-groups/" + group + "/report.pdf");
        holds(ja, "状況報告：シーカー作業部会", "会合と決定事項", "シーカー審査会合", "協力プログラム");
    }

    @Test
    void aHiddenMeetingOrGroupIsNotFoundAsIfItDidNotExist() {
        Http web = new Http(port).signIn("au.dod", "demo");
        assertThat(download(web, "/meetings/" + hiddenMeeting + "/read-ahead.pdf").status()).isEqualTo(404);
        assertThat(download(web, "/meetings/999999999/read-ahead.pdf").status()).isEqualTo(404);
        assertThat(download(web, "/working-groups/" + hiddenGroup + "/report.pdf").status()).isEqualTo(404);
        Http us = new Http(port).signIn("us.acq", "demo");
        assertThat(download(us, "/meetings/" + hiddenMeeting + "/read-ahead.pdf").status()).isEqualTo(200);
    }

    @Test
    void eachDownloadIsAuditedAsAnExportWithTheBannerItCarried() {
        Http web = new Http(port).signIn("au.dod", "demo");
        download(web, "/meetings/" + meeting + "/read-ahead.pdf");
        Optional<String> detail = jdbc.sql("""
                        select detail_sentence from audit_entry where actor = 'au.dod' and action = 'EXPORTED'
                        and record_id = :id order by id desc limit 1""")
                .param("id", meeting).query(String.class).optional();
        assertThat(detail).hasValueSatisfying(d -> assertThat(d).contains("audit.detail.exported", SHARED));
    }

    @Test
    void theMeetingAndWorkingGroupPagesOfferThePdfs() {
        Http web = new Http(port).signIn("au.dod", "demo");
        assertThat(web.get("/meetings/" + meeting, null).body())
                .contains("href=\"/meetings/" + meeting + "/read-ahead.pdf\"", "Read-ahead (PDF)");
        assertThat(web.get("/working-groups/" + group, null).body())
                .contains("href=\"/working-groups/" + group + "/report.pdf\"", "Status report (PDF)");
    }
}
