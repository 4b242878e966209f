package org.dicas.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.dicas.shared.ListColumns;

/** What every long list page promises, checked the same way for each part of the product's lists. */
public final class ListSorting {

    private ListSorting() {
    }

    /**
     * Each list (its path and its columns) answers a sort by each of its columns, either way, with its sortable heads
     * (or, for the paths in {@code shownAsCards}, its sort links), and, when it has a text filter, keeps what was
     * typed in the filter box.
     */
    public static void everyColumnSortsBothWaysAndTheFilterKeepsItsText(Http web, Map<String, ListColumns> lists,
                                                                        Set<String> shownAsCards) {
        lists.forEach((path, columns) -> {
            for (String key : columns.keys()) {
                for (String dir : new String[] {"asc", "desc"}) {
                    var page = web.get(path + "?lang=en&sort=" + key + "&dir=" + dir, null);
                    assertThat(page.status()).as(path + " by " + key + " " + dir).isEqualTo(200);
                    assertThat(page.body()).contains(shownAsCards.contains(path) ? "sort-links" : "aria-sort=");
                }
            }
            if (columns.filterable()) {
                var filtered = web.get(path + "?lang=en&q=a", null);
                assertThat(filtered.status()).as(path + " filtered").isEqualTo(200);
                assertThat(filtered.body())
                        .contains("id=\"table-q\" type=\"search\" name=\"q\" maxlength=\"200\" value=\"a\"");
            }
        });
    }
}
