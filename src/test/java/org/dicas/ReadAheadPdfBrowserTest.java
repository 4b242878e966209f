package org.dicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dicas.demo.DemoUsers;
import org.dicas.forum.AgendaItemCommand;
import org.dicas.forum.Meeting;
import org.dicas.forum.MeetingCommand;
import org.dicas.forum.Meetings;
import org.dicas.forum.WorkingGroup;
import org.dicas.forum.WorkingGroupCommand;
import org.dicas.forum.WorkingGroups;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.support.Browsers;
import org.dicas.support.Chromium;
import org.dicas.support.ChromiumPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real (headless) Chromium: an official opens a meeting, presses "Read-ahead (PDF)" and gets a PDF whose every
 * page carries the banner at its top and its bottom — the high-water mark of what they may read, lower for a reader
 * who may not read the CUI item, which their PDF does not hold. The meeting page passes axe and the console stays
 * free of errors. Runs under failsafe, driving Debian's {@code /usr/bin/chromium} ({@link Chromium}).
 */
@PlatformTest
class ReadAheadPdfBrowserTest {

    static final String SHARED = "UNCLASSIFIED//REL TO USA, JPN, AUS";
    static final String CUI = "CUI//REL TO USA, JPN";
    static final String SECRET = "Seeker flight test window";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;
    @Autowired
    Directory directory;
    @Autowired
    WorkingGroups groups;
    @Autowired
    Meetings meetings;

    long meetingWithALongAgenda() {
        DicasUser admin = directory.userByUsername("admin").orElseThrow();
        DicasUser us = directory.userByUsername(DemoUsers.US_ACQ).orElseThrow();
        long group = groups.create(admin, new WorkingGroupCommand("PDF-BROWSER", "Read-ahead working group",
                "事前資料作業部会", "", "", WorkingGroup.Status.ACTIVE, null, SHARED, List.of(), List.of())).id();
        LocalDateTime start = LocalDateTime.of(2099, 6, 2, 10, 0);
        long meeting = meetings.create(us, new MeetingCommand(Meeting.Kind.WORKING_GROUP, group, "Read-ahead review",
                "事前資料審査", start, start.plusHours(2), "Asia/Tokyo", "Ichigaya", "", SHARED, List.of())).id();
        meetings.addAgendaItem(us, meeting, new AgendaItemCommand(null, SECRET, "Range dates.", "", false, CUI));
        for (int i = 1; i <= 30; i++) {
            meetings.addAgendaItem(us, meeting, new AgendaItemCommand(null, "Work stream " + i,
                    "Where work stream " + i + " stands, what the nations see as its risks, and what the next review "
                            + "should decide about it.", "Presenter " + i, false, SHARED));
        }
        return meeting;
    }

    @Test
    void theReadAheadDownloadedFromTheMeetingPageCarriesItsBannerOnEveryPage() throws Exception {
        long meeting = meetingWithALongAgenda();
        List<String> problems = new ArrayList<>();
        List<String> us = download(DemoUsers.US_ACQ, meeting, problems);
        bannerOnEveryPage(us, CUI);
        assertTrue(flat(us).contains(flat(SECRET)), "the CUI agenda item is in the U.S. reader's PDF: " + flat(us));
        List<String> au = download(DemoUsers.AU_DOD, meeting, problems);
        bannerOnEveryPage(au, SHARED);
        assertTrue(flat(au).contains(flat("Work stream 30")), "the Australian's PDF holds the agenda: " + flat(au));
        assertFalse(flat(au).contains(flat(SECRET)), "the CUI agenda item is not in the Australian's PDF");
        assertFalse(flat(au).contains("CUI"), "nothing in the Australian's PDF is marked CUI");
        assertTrue(problems.isEmpty(), "browser problems:\n" + String.join("\n", problems));
    }

    /** Signs in, opens the meeting, presses the button, and answers the downloaded PDF's text page by page. */
    private List<String> download(String user, long meeting, List<String> problems) throws Exception {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 900).setAcceptDownloads(true))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            Browsers.watch(page, problems);
            Browsers.signIn(page, "http://localhost:" + port, user, DemoUsers.PASSWORD);
            page.navigate("http://localhost:" + port + "/meetings/" + meeting + "?lang=en");
            page.waitForLoadState(LoadState.LOAD);
            Browsers.checkAccessibility(page, "meeting page of " + user, problems);
            Download download = page.waitForDownload(() -> page.locator("a.read-ahead-pdf").click());
            assertEquals("read-ahead-" + meeting + ".pdf", download.suggestedFilename());
            Path file = Files.createTempFile("read-ahead", ".pdf");
            try {
                download.saveAs(file);
                try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                    PDFTextStripper stripper = new PDFTextStripper();
                    stripper.setSortByPosition(true);
                    List<String> pages = new ArrayList<>();
                    for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                        stripper.setStartPage(p);
                        stripper.setEndPage(p);
                        pages.add(stripper.getText(pdf));
                    }
                    return pages;
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The text without whitespace, wherever the lines wrapped it. */
    private static String flat(Object text) {
        return (text instanceof List<?> pages ? String.join("", pages.stream().map(Object::toString).toList())
                : text.toString()).replaceAll("\\s+", "");
    }

    private static void bannerOnEveryPage(List<String> pages, String banner) {
        assertTrue(pages.size() > 1, "the read-ahead spans pages: " + pages.size());
        for (int p = 0; p < pages.size(); p++) {
            String page = pages.get(p).strip();
            String[] lines = page.split("\\R");
            assertEquals(banner, lines[0].strip(), "banner at the top of page " + (p + 1));
            String end = page.replaceAll("\\s+", " ");
            assertTrue(end.endsWith(banner + " " + (p + 1) + " / " + pages.size()),
                    "banner (and page number) at the bottom of page " + (p + 1) + ": …"
                            + end.substring(Math.max(0, end.length() - 80)));
        }
    }
}
