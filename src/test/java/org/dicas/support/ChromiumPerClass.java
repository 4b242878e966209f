package org.dicas.support;

import com.microsoft.playwright.Browser;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's headless Chromium for the tests of one class, started before the first and closed after the last:
 * {@code @RegisterExtension static final ChromiumPerClass chromium = new ChromiumPerClass();} then
 * {@code chromium.browser()} — instead of each browser test's own start and stop.
 */
public final class ChromiumPerClass implements BeforeAllCallback, AfterAllCallback {

    private Chromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = Chromium.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    public Browser browser() {
        return chromium.browser();
    }
}
