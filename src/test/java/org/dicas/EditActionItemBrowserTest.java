package org.dicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.dicas.support.ChromiumPerClass;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15 point 4 in a real (headless) Chromium: jp.atla, reading in Japanese, opens an action item's own page,
 * changes its due date and owner there, and sees the change on the page and as a line of its history in Japanese.
 * The page passes axe (WCAG 2.1 AA) and the console stays free of errors and CSP reports. Runs under failsafe.
 */
@PlatformTest
class EditActionItemBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void aJapaneseOfficialChangesDueDateAndOwnerOnTheActionItemPageAndSeesItInTheHistory() {
        Http api = new Http(port);
        String us = api.token(DemoUsers.US_ACQ, DemoUsers.PASSWORD);
        String title = "議事要旨案の回付 " + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("/api/v1/action-items", us, Map.of("title", title, "ownerId", userId(DemoUsers.JP_ATLA),
                "dueDate", "2027-06-01", "marking", "UNCLASSIFIED//REL TO USA, JPN"));
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        long msdf = userId(DemoUsers.JP_MSDF);

        List<String> problems = new ArrayList<>();
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ja-JP")
                .setViewportSize(1280, 900))) {
            context.setDefaultTimeout(15_000);
            Page page = context.newPage();
            Browsers.watch(page, problems);
            Browsers.signIn(page, url(""), DemoUsers.JP_ATLA, DemoUsers.PASSWORD);
            page.navigate(url("/action-items?lang=ja&filter=mine"));
            page.waitForLoadState(LoadState.LOAD);

            page.locator("#action-" + id + " a.listed-title").click(); // from the list to the item's own page
            page.waitForLoadState(LoadState.LOAD);
            assertTrue(page.url().endsWith("/action-items/" + id), page.url());
            assertEquals("ja", page.locator("html").getAttribute("lang"));
            assertEquals(title, page.locator("h1").innerText());
            Browsers.checkAccessibility(page, "action item page", problems);

            Locator form = page.locator("form[action='/action-items/" + id + "/edit']");
            form.locator("#dueDate").fill("2027-06-20");
            form.locator("#ownerId").selectOption(String.valueOf(msdf));
            form.locator("button.primary[type=submit]").click();
            page.waitForURL(u -> u.endsWith("/action-items/" + id));
            page.waitForLoadState(LoadState.LOAD);

            assertEquals("2027-06-20", page.locator(".action-due time").getAttribute("datetime"));
            String owner = jdbc.sql("select display_name from app_user where id = :id").param("id", msdf)
                    .query(String.class).single();
            assertEquals(owner, page.locator(".action-owner").innerText());
            Locator history = page.locator("table.record-history tbody tr").first();
            assertTrue(history.innerText().contains("変更した項目：担当者、期限"), history.innerText());
            assertTrue(history.innerText().contains(DemoUsers.JP_ATLA), history.innerText());
            Browsers.checkAccessibility(page, "action item page after the edit", problems);
            Browsers.screenshot(page, "action-item-edited-ja.png");
        }
        assertTrue(problems.isEmpty(), "problems:\n" + String.join("\n", problems));
    }
}
