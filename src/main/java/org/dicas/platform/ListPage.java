package org.dicas.platform;

import java.util.Optional;
import java.util.function.Function;
import org.dicas.shared.Facets;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Marking;
import org.dicas.shared.Page;
import org.dicas.shared.TableView;
import org.springframework.ui.Model;

/**
 * What a long list's page handler puts on the model, in one place: a page of its items with the pager and the banner
 * ({@link Pager#show}), the table's sort and filter ({@link Table#show}) and, for a list with a facet, the facet's
 * chosen value and its values ({@code fragments/facets :: facet}). The handler reads {@link org.dicas.shared.Paging}
 * and {@link TableView} as its arguments ({@link PagingParameters}).
 * <pre>
 * Optional&lt;Agreement.Type&gt; only = ListPage.facet(model, "type", Agreement.Type.class, type, "types");
 * ListPage.show(model, "/agreements", view, Agreements.COLUMNS, "agreements", agreements.list(me, only, paging, view),
 *         Agreement::marking);
 * </pre>
 */
public final class ListPage {

    private ListPage() {
    }

    /**
     * Shows a page of the list at {@code listPath}: its items under {@code name}, the {@code pager}, the banner of
     * what it shows ({@code shown} over its items) and the {@code table}, as {@code view} sorts and filters it by
     * {@code columns}.
     */
    public static <T> void show(Model model, String listPath, TableView view, ListColumns columns, String name,
                                Page<T> page, Function<? super T, Marking> shown) {
        Pager.show(model, name, page, shown);
        Table.show(model, listPath, view, columns);
    }

    /**
     * The facet the query parameter {@code parameter} chooses ({@link Facets#of}: refused naming the values when it
     * names none; empty for all), put on the model as {@code parameter} (its name, '' for all) with every value of
     * {@code type} as {@code values}.
     */
    public static <E extends Enum<E>> Optional<E> facet(Model model, String parameter, Class<E> type, String given,
                                                        String values) {
        Optional<E> only = Facets.of(parameter, type, given);
        model.addAttribute(parameter, only.map(Enum::name).orElse(""));
        model.addAttribute(values, type.getEnumConstants());
        return only;
    }
}
