package org.dicas.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/**
 * What a person does on a long list ({@code fragments/table.html}) in a browser test, as the list browser tests share
 * it: sign in and open the list, filter by a text, sort by a column head, go to the next page — each step waiting for
 * the address that shows it was taken.
 */
public final class ListSteps {

    private final Page page;

    private ListSteps(Page page) {
        this.page = page;
    }

    /**
     * A new page of {@code context} on which {@code username} signs in ({@link Browsers#signIn(Page, String, String)})
     * and opens the list at {@code listPath} (with its query: language, page size).
     */
    public static ListSteps open(BrowserContext context, String base, String username, String listPath) {
        Page page = context.newPage();
        Browsers.signIn(page, base, username);
        page.navigate(base + listPath);
        return new ListSteps(page);
    }

    public Page page() {
        return page;
    }

    /** The cells of column {@code n} (from 1) of the list's rows. */
    public Locator column(int n) {
        return page.locator("main .table-scroll tbody tr td:nth-child(" + n + ")");
    }

    /** The pager's "1–2 of 3". */
    public Locator range() {
        return page.locator(".pager-range");
    }

    /** Types {@code text} into the list's filter and sends it. */
    public void filter(String text) {
        page.locator("#table-q").fill(text);
        page.locator("form.table-filter button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*q=" + Pattern.quote(text) + ".*"));
    }

    /**
     * Clicks the column head named {@code head}, which sorts by {@code key} in {@code direction} ({@code asc},
     * {@code desc}), and sees the head marked so ({@code aria-sort}).
     */
    public void sortBy(String head, String key, String direction) {
        page.locator("th.sortable a", new Page.LocatorOptions().setHasText(head)).click();
        page.waitForURL(Pattern.compile(".*sort=" + key + "&dir=" + direction + ".*"));
        assertThat(page.locator("th[aria-sort=" + ("asc".equals(direction) ? "ascending" : "descending") + "]"))
                .containsText(head);
    }

    /** Follows the pager's next link to page {@code number}. */
    public void next(int number) {
        page.locator("a.pager-next").click();
        page.waitForURL(Pattern.compile(".*page=" + number + ".*"));
    }
}
