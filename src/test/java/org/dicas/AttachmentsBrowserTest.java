package org.dicas;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.dicas.attachments.TestFiles;
import org.dicas.support.Browsers;
import org.dicas.support.Chromium;
import org.dicas.support.ChromiumPerClass;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Files in a real (headless) Chromium (issue 15, point 3), as a Japanese official: on a document's page jp.atla
 * attaches a PDF with a Japanese name, marked CUI//NOFORN with the marking field, sees it listed with its marking and
 * the page's banner raised to it, downloads it byte for byte under its Japanese name, and finds it by a word inside the
 * PDF; us.acq, who reads the document but not the file, neither sees it on the page nor finds it by that word. No CSP
 * violation or script error; axe-core finds no serious or critical violation.
 */
@PlatformTest
class AttachmentsBrowserTest {

    private static final String NAME = "説明資料（共同生産）.pdf";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;

    private final List<String> consoleProblems = new ArrayList<>();

    @Test
    void aJapaneseOfficialAttachesAPdfSeesItListedDownloadsItAndFindsAWordInsideItWhichAnotherReaderCannot()
            throws IOException {
        Http http = new Http(port);
        long doc = http.post("/api/v1/documents", http.token("jp.atla", "demo"), Map.of("title",
                "共同生産の説明 " + System.nanoTime(), "body", "説明資料を添付します。", "marking", "UNCLASSIFIED"))
                .json().get("id").asLong();
        String word = uniqueWord();
        byte[] pdf = TestFiles.pdf("Co-production briefing on the " + word + " rocket motor line");
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, "jp.atla");
            page.navigate(url("/documents/" + doc + "?lang=ja"));
            Locator panel = page.locator("#attachments-" + doc);
            assertThat(panel.locator("h2")).hasText("添付ファイル");
            panel.locator("summary").click();
            panel.locator("input[type=file]").setInputFiles(new FilePayload(NAME, "application/pdf", pdf));
            page.locator("#att-" + doc + "-marking").fill("CUI//NOFORN");
            panel.locator("button.primary").click();
            page.waitForURL(Pattern.compile(".*/documents/" + doc + "#attachments-" + doc + "$"));

            assertThat(panel.locator(".notice")).hasText(NAME + "を添付しました。");
            Locator row = panel.locator("tbody tr");
            assertThat(row).hasCount(1);
            assertThat(row.locator("td").first()).hasText("(CUI//NOFORN)");
            assertThat(row.locator("td").nth(2)).hasText("PDFファイル");
            assertThat(page.locator(".site-header .banner")).containsText("CUI//NOFORN");
            Browsers.screenshot(page, "attachments-ja.png");
            Browsers.checkAccessibility(page, "attachments-ja", problems);

            Download download = page.waitForDownload(() -> row.locator("a").click());
            assertEquals(NAME, download.suggestedFilename());
            assertArrayEquals(pdf, Files.readAllBytes(download.path()), "the bytes uploaded");

            page.navigate(url("/search?q=" + word));
            assertThat(page.locator("main")).containsText(NAME);
        }
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            signIn(page, "us.acq");
            page.navigate(url("/documents/" + doc + "?lang=en"));
            assertThat(page.locator("#attachments-" + doc)).containsText("No files are attached, or none you may read.");
            assertTrue(!page.content().contains(NAME), "the file is not listed to a reader who may not read it");
            page.navigate(url("/search?q=" + word));
            assertTrue(!page.locator("main").innerText().contains(NAME), "nor found by a word inside it");
        }
        assertTrue(consoleProblems.isEmpty(), String.join("\n", consoleProblems));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    static String uniqueWord() {
        StringBuilder b = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    private void signIn(Page page, String username) {
        Browsers.signInWithLanguage(page, url(""), username, username.startsWith("jp") ? "ja" : "en");
    }

    private BrowserContext newContext() {
        BrowserContext c = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ja-JP")
                .setViewportSize(1280, 900).setAcceptDownloads(true));
        c.setDefaultTimeout(15_000);
        Browsers.watchScripts(c, consoleProblems);
        return c;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
