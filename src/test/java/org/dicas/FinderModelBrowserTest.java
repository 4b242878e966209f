package org.dicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dicas.requirements.engine.FinderModel;
import org.dicas.support.Browsers;
import org.dicas.support.Chromium;
import org.dicas.support.ChromiumPerClass;
import org.dicas.support.FirstFinderModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The finder's model page in a real (headless) Chromium: an ATLA official goes from the opportunity board to the model
 * page, reads its version, training counts and cross-validation table in Japanese, retrains it and is back on the
 * page with the version shown; axe-core finds no serious or critical violation in Japanese and English.
 */
@PlatformTest
@ExtendWith(FirstFinderModel.class)
class FinderModelBrowserTest {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.dicas.requirements.JudgedPairs judgedPairs;
    @org.springframework.beans.factory.annotation.Autowired
    org.dicas.requirements.FinderModels models;

    @Test
    void anOfficialReadsTheModelAndRetrainsIt() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ja-JP")
                .setViewportSize(1280, 900))) {
            context.setDefaultTimeout(60_000);
            Page page = context.newPage();
            List<String> problems = new ArrayList<>();
            Browsers.signIn(page, url(""), "jp.atla", "demo");
            page.navigate(url("/opportunities?lang=ja"));
            page.locator("main a[href='/opportunities/model']").click();
            page.waitForURL(Pattern.compile(".*/opportunities/model$"));
            String shipped = FinderModel.shipped().version();
            assertEquals(models.currentVersion(), page.locator("#model-version").innerText().trim());
            String main = page.locator("main").innerText();
            assertTrue(main.contains("交差検証") && main.contains("blind-e") && main.contains("特徴量の重み"), main);
            Browsers.checkAccessibility(page, "finder-model-ja", problems);

            page.locator("#retrain").click();
            page.waitForURL(Pattern.compile(".*/opportunities/model$"));
            int judged = judgedPairs.latest().size();
            assertEquals(String.valueOf(judged), page.locator("#model-judged").innerText().trim());
            if (judged == 0) {
                assertEquals(shipped, page.locator("#model-version").innerText().trim(),
                        "without judgments the retrained model is the shipped one");
            } else {
                assertTrue(!shipped.equals(page.locator("#model-version").innerText().trim()),
                        "officials' judgments make a model other than the shipped one");
            }
            page.navigate(url("/opportunities/model?lang=en"));
            assertTrue(page.locator("main").innerText().contains("Cross-validation"));
            Browsers.checkAccessibility(page, "finder-model-en", problems);
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
