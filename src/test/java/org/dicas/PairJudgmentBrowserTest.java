package org.dicas;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dicas.requirements.JudgedPair;
import org.dicas.requirements.JudgedPairs;
import org.dicas.support.Browsers;
import org.dicas.support.Chromium;
import org.dicas.support.ChromiumPerClass;
import org.dicas.support.FirstFinderModel;
import org.dicas.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Officials' judgments in a real (headless) Chromium, as jp.atla reading Japanese (issue 16): on one pair page she
 * confirms "same need", on another she rejects "not the same need" with a reason and a note; each pair page then shows
 * the judgment (verdict, reason, note, who with the nation, when), the matches page of the requirement marks both
 * candidates (confirmed / rejected by officials) without hiding either, and the finder's model finds both as the
 * latest judgments of their pairs. No CSP violation or script error; axe-core finds no serious or critical violation.
 * She then retrains the finder's model on its page: the model version changes, and the pair she confirmed is
 * more likely a shared need than before; after she rejects the other and retrains again, that one is less likely.
 */
@PlatformTest
@ExtendWith(FirstFinderModel.class)
class PairJudgmentBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;

    @Autowired
    JudgedPairs judgedPairs;

    private final List<String> consoleProblems = new ArrayList<>();

    long requirement(Http http, String token, String nation, String titleEn, String titleJa) {
        return requirement(http, token, nation, titleEn, titleJa, titleEn + ", twelve units by 2031.", 12, "2031-03-31");
    }

    long requirement(Http http, String token, String nation, String titleEn, String titleJa, String descriptionEn,
                     int quantity, String needBy) {
        Map<String, Object> b = new HashMap<>();
        b.put("nation", nation);
        b.put("service", nation.equals("JPN") ? "JMSDF" : "USN");
        b.put("capabilityArea", "MARITIME.SURFACE");
        b.put("titleEn", titleEn);
        b.put("titleJa", titleJa);
        b.put("descriptionEn", descriptionEn);
        b.put("quantity", quantity);
        b.put("needBy", needBy);
        b.put("marking", "CUI//REL TO JPN, USA");
        Http.Response r = http.post("/api/v1/requirements", token, b);
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asLong();
    }

    @Test
    void aJapaneseOfficialConfirmsOnePairAndRejectsAnotherWithAReasonAndSeesBothInJapanese() {
        Http http = new Http(port);
        String jp = http.token("jp.atla", "demo");
        String us = http.token("us.navy", "demo");
        long mine = requirement(http, jp, "JPN", "", "BROWSERJUDGE 哨戒艦用無人機の取得");
        // the same need described, not named, with its own numbers: a pair the model is unsure of, so that a
        // confirmation has room to raise it (a pair already near certain can come out of a recalibration a hair lower)
        long same = requirement(http, us, "USA", "BROWSERJUDGE airborne sensors that extend a warship's horizon", "",
                "Airborne sensors carried aloft to see past the horizon of surface combatants.", 40, "2033-09-30");
        long sibling = requirement(http, us, "USA", "BROWSERJUDGE shipborne patrol drone, rival design", "");
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            Browsers.signInWithLanguage(page, url(""), "jp.atla", "ja");

            double confirmedBefore = likelihood(page, mine, same);
            System.out.println("confirmed pair before: " + confirmedBefore);
            String versionBefore = page.locator("#likelihood").getAttribute("data-model-version");

            // confirm the first pair on its page
            page.navigate(url("/opportunities/pair?lang=ja&a=" + mine + "&b=" + same));
            Locator judgments = page.locator("#judgments");
            assertThat(judgments).containsText("このペアはまだ政府職員による判定を受けていません。");
            Browsers.checkAccessibility(page, "pair-judgment-ja", problems);
            judgments.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("同一の要求と確認する")).click();
            page.waitForURL(Pattern.compile(".*/opportunities/pair\\?a=" + mine + "&b=" + same + ".*"));
            assertThat(judgments).containsText("政府職員が同一と確認");
            assertThat(judgments.locator("table.judgments tbody tr")).hasCount(1);
            assertThat(judgments.locator("table.judgments tbody tr").first()).containsText("同一の要求");
            assertThat(judgments.locator("table.judgments tbody tr").first()).containsText("森 遥");
            assertThat(judgments.locator("table.judgments tbody tr").first()).containsText("日本");
            assertThat(page.locator("main .meta").first()).containsText("政府職員が同一と確認");

            // retraining takes the confirmation in: a new model version, and the pair is more likely a shared need
            String afterConfirming = retrain(page);
            assertTrue(!afterConfirming.equals(versionBefore), "a new judgment makes a new model version");
            double confirmedAfter = likelihood(page, mine, same);
            assertEquals(afterConfirming, page.locator("#likelihood").getAttribute("data-model-version"));
            assertTrue(confirmedAfter > confirmedBefore, confirmedBefore + " → " + confirmedAfter);
            double rejectedBefore = likelihood(page, mine, sibling);

            // reject the second with a reason and a note
            page.navigate(url("/opportunities/pair?lang=ja&a=" + mine + "&b=" + sibling));
            page.locator("#reason-" + mine + "-" + sibling).selectOption("SIBLING_SYSTEM");
            page.locator("#note-" + mine + "-" + sibling).fill("競合する別設計の機体");
            judgments.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("同一の要求ではないと判定する")).click();
            page.waitForURL(Pattern.compile(".*/opportunities/pair\\?a=" + mine + "&b=" + sibling + ".*"));
            Locator row = judgments.locator("table.judgments tbody tr").first();
            assertThat(judgments).containsText("政府職員が同一でないと判定");
            assertThat(row).containsText("同一の要求ではない");
            assertThat(row).containsText("別のシステム（同系列の別型式又は同一任務の競合品）");
            assertThat(row).containsText("競合する別設計の機体");
            Browsers.screenshot(page, "pair-judgment-rejected-ja.png");
            Browsers.checkAccessibility(page, "pair-judgment-rejected-ja", problems);

            // retraining takes the rejection in: the pair is less likely a shared need than before
            String afterRejecting = retrain(page);
            assertTrue(!afterRejecting.equals(afterConfirming), "a new judgment makes a new model version");
            double rejectedAfter = likelihood(page, mine, sibling);
            assertTrue(rejectedAfter < rejectedBefore, rejectedBefore + " → " + rejectedAfter);
            Browsers.screenshot(page, "pair-after-retraining-ja.png");

            // the matches page marks both candidates and hides neither
            page.navigate(url("/requirements/" + mine + "/matches?lang=ja&top=50"));
            Locator confirmed = page.locator("main table tbody tr", new Page.LocatorOptions()
                    .setHasText("BROWSERJUDGE airborne sensors that extend a warship's horizon"));
            Locator rejected = page.locator("main table tbody tr", new Page.LocatorOptions()
                    .setHasText("BROWSERJUDGE shipborne patrol drone, rival design"));
            assertThat(confirmed).containsText("政府職員が同一と確認");
            assertThat(rejected).containsText("政府職員が同一でないと判定");
            assertThat(page.locator("#judgments table.judgments tbody tr")).hasCount(2);
            Browsers.screenshot(page, "matches-judged-ja.png");
            Browsers.checkAccessibility(page, "matches-judged-ja", problems);

        }
        List<JudgedPair> latest = judgedPairs.latest();
        assertTrue(latest.contains(new JudgedPair(Math.min(mine, same), Math.max(mine, same), true)), latest.toString());
        assertTrue(latest.contains(new JudgedPair(Math.min(mine, sibling), Math.max(mine, sibling), false)),
                latest.toString());
        assertTrue(consoleProblems.isEmpty(), String.join("\n", consoleProblems));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Retrains the finder's model from its page, as the signed-in official; the new model's version. */
    private String retrain(Page page) {
        page.navigate(url("/opportunities/model?lang=ja"));
        page.locator("#retrain").click();
        page.waitForURL(Pattern.compile(".*/opportunities/model$"));
        return page.locator("#model-version").innerText().trim();
    }

    /** The model's likelihood of a shared need, as the pair page shows it to the signed-in reader. */
    private double likelihood(Page page, long a, long b) {
        page.navigate(url("/opportunities/pair?lang=ja&a=" + a + "&b=" + b));
        return Double.parseDouble(page.locator("#likelihood").getAttribute("data-likelihood"));
    }

    private BrowserContext newContext() {
        BrowserContext c = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ja-JP")
                .setViewportSize(1280, 900));
        c.setDefaultTimeout(60_000); // retraining takes a few seconds, more on a loaded machine
        Browsers.watchScripts(c, consoleProblems);
        return c;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
