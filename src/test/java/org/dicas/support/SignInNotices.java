package org.dicas.support;

import com.microsoft.playwright.Page;

/**
 * The notice and consent the sign-in page shows before its form (issue 15, point 8), for browser tests: accepted as a
 * person accepts it, by its button, when the page shows it.
 */
public final class SignInNotices {

    private SignInNotices() {
    }

    /** On the sign-in page: accepts the notice if it is shown, and waits for the sign-in form. */
    public static void accept(Page page) {
        if (page.locator("#accept-notice").count() > 0) {
            page.locator("#accept-notice").click();
            page.locator("#username").waitFor();
        }
    }
}
