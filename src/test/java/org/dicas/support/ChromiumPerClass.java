package org.dicas.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's headless Chromium for the tests of one class:
 * {@code @RegisterExtension static final ChromiumPerClass chromium = new ChromiumPerClass();} then
 * {@code chromium.browser()} — instead of each browser test's own start and stop.
 * <p>
 * The browser itself is started once for the whole test run and shared by every class (a launch costs seconds; the
 * contexts the tests open from it share no cookies, storage or cache), and closed when the run ends; one that
 * crashed is started again for the next class. What belongs to one class is its sign-ins: {@link #signIn} signs a
 * user in through the sign-in page the first time in the class and hands later contexts of the class the cookies
 * that sign-in left.
 */
public final class ChromiumPerClass implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(ChromiumPerClass.class);

    private Chromium chromium;
    private final Map<String, List<Cookie>> sessions = new HashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(SHARED);
        Chromium shared = store.computeIfAbsent(Chromium.class, k -> Chromium.start(), Chromium.class);
        if (!shared.browser().isConnected()) {
            store.remove(Chromium.class, Chromium.class).close();
            shared = store.computeIfAbsent(Chromium.class, k -> Chromium.start(), Chromium.class);
        }
        chromium = shared;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        chromium = null; // the run's end closes the browser
        sessions.clear();
    }

    public Browser browser() {
        return chromium.browser();
    }

    /**
     * Signs the demo user {@code username} in (password {@code demo}, English chosen on the sign-in page) in the
     * page's context: the first time in this class through the sign-in page ({@link Browsers#signIn(Page, String,
     * String)}, which leaves the page where the sign-in lands), after that by {@link #resume}, the page staying where
     * it is. Not for a test that signs the user out.
     */
    public void signIn(Page page, String base, String username) {
        if (!resume(page, base, username)) {
            Browsers.signIn(page, base, username);
            keep(page, base, username);
        }
    }

    /**
     * Gives the page's context the cookies {@link #keep} kept for {@code username} at {@code base} in this class, if
     * it did: then the context is signed in as that user, and the answer is true.
     */
    public boolean resume(Page page, String base, String username) {
        List<Cookie> kept = sessions.get(base + " " + username);
        if (kept == null) {
            return false;
        }
        page.context().addCookies(kept);
        return true;
    }

    /** Keeps the cookies of the page's context, just signed in as {@code username} at {@code base}, for {@link #resume}. */
    public void keep(Page page, String base, String username) {
        sessions.put(base + " " + username, page.context().cookies());
    }
}
