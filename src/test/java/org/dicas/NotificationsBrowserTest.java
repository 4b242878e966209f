package org.dicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dicas.demo.DemoUsers;
import org.dicas.support.Browsers;
import org.dicas.support.Http;
import org.dicas.support.Chromium;
import org.dicas.support.ChromiumPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * In a real (headless) Chromium: a reply to my thread shows as unread on my notifications page, with the count in the
 * header; marking all read clears it. The page passes axe (WCAG 2.1 AA, no serious or critical violation) and the
 * browser console stays free of errors and CSP reports. Runs under failsafe, driving Debian's {@code /usr/bin/chromium} ({@link Chromium}).
 */
@PlatformTest
class NotificationsBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aReplyToMyThreadShowsAsUnreadAndMarkingAllReadClearsIt() {
        Http api = new Http(port);
        String navy = api.token(DemoUsers.US_NAVY, DemoUsers.PASSWORD);
        String tag = "NOTICE-BROWSER-" + UUID.randomUUID().toString().substring(0, 8);
        long thread = api.post("/api/v1/threads", navy, Map.of("title", tag + " hull survey", "body", "Dates?",
                "marking", "UNCLASSIFIED")).json().get("id").asLong();
        var reply = api.post("/api/v1/threads/" + thread + "/replies", api.token(DemoUsers.AU_DOD, DemoUsers.PASSWORD),
                Map.of("body", "Week 20 works for us.", "marking", "UNCLASSIFIED"));
        assertEquals(201, reply.status(), reply.body());
        long replyId = reply.json().get("id").asLong();
        long notice = -1;
        for (JsonNode n : api.all("/api/v1/notifications", navy)) {
            if (!n.get("recordId").isNull() && n.get("recordId").asLong() == replyId) {
                notice = n.get("id").asLong();
            }
        }
        assertTrue(notice > 0, "the thread's author has a notice of the reply");

        List<String> console = new ArrayList<>();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 900))) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            Browsers.watch(page, console);
            Browsers.signIn(page, url(""), DemoUsers.US_NAVY, DemoUsers.PASSWORD);
            page.navigate(url("/notifications?lang=en"));
            page.waitForLoadState(LoadState.LOAD);

            Locator item = page.locator("#notification-" + notice);
            assertTrue(item.getAttribute("class").contains("unread"), "the reply's notice is unread");
            assertEquals("Unread", item.locator(".tag-unread").innerText());
            assertTrue(item.innerText().contains("Emma Clarke replied to your thread: \"Re: " + tag + " hull survey\""),
                    item.innerText());
            String header = page.locator("header nav a[href='/notifications']").innerText();
            assertFalse(header.equals("Notifications (0)"), "the header counts the unread notice: " + header);
            axe(page);

            page.reload();
            assertTrue(page.locator("#notification-" + notice).getAttribute("class").contains("unread"),
                    "seeing the page does not mark it read");

            page.locator("#mark-all-read").click();
            page.waitForLoadState(LoadState.LOAD);
            assertEquals("Marked as read.", page.locator("main p.notice[role=status]").innerText());
            item = page.locator("#notification-" + notice);
            assertFalse(item.getAttribute("class").contains("unread"), "marked read");
            assertEquals(0, page.locator(".tag-unread").count(), "nothing is unread any more");
            assertEquals(0, page.locator("#mark-all-read").count());
            assertEquals("Notifications (0)", page.locator("header nav a[href='/notifications']").innerText());

            item.locator("a").click(); // the notice leads to the reply
            page.waitForLoadState(LoadState.LOAD);
            assertTrue(page.url().endsWith("/discussions/" + thread + "#reply-" + replyId), page.url());
        }
        assertTrue(console.isEmpty(), "browser console problems:\n" + String.join("\n", console));
    }

    private static void axe(Page page) {
        List<String> blocking = new ArrayList<>();
        Browsers.checkAccessibility(page, "notifications", blocking);
        assertTrue(blocking.isEmpty(), "axe: " + String.join("\n", blocking));
    }
}
