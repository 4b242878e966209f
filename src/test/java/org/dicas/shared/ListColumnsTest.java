package org.dicas.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a long list sorts and filters by: only its own columns, ties broken by its unique column, text as a parameter. */
class ListColumnsTest {

    static final ListColumns LEADS = ListColumns.orderedBy("date", "l.lead_date", true, "l.id")
            .and("title", "lower(l.title)").filterIn("l.title", "l.body");

    @Test
    void withoutASortTheListKeepsItsOwnOrderAndBreaksTiesByItsUniqueColumn() {
        assertThat(LEADS.order(TableView.NONE)).isEqualTo("l.lead_date desc nulls last, l.id desc");
        assertThat(LEADS.sortKey(TableView.NONE)).isEqualTo("date");
    }

    @Test
    void aColumnSortsItsUsualWayUnlessTheReaderTurnsIt() {
        assertThat(LEADS.order(TableView.of("title", null, null))).isEqualTo("lower(l.title) nulls last, l.id");
        assertThat(LEADS.order(TableView.of("title", "desc", null))).isEqualTo("lower(l.title) desc nulls last, l.id desc");
        assertThat(LEADS.order(TableView.of(null, "asc", null))).isEqualTo("l.lead_date nulls last, l.id");
    }

    @Test
    void aColumnTheListDoesNotNameIsRefusedNamingTheOnesItDoes() {
        assertThatThrownBy(() -> LEADS.order(TableView.of("l.id; drop table lead", null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("sort");
                    assertThat(e.sentence()).isEqualTo(Sentence.of("table.error.sort", "l.id; drop table lead",
                            "date, title"));
                });
        assertThatThrownBy(() -> TableView.of("title", "sideways", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dir"));
    }

    @Test
    void theFilterIsAParameterWithItsWildcardsTakenLiterally() {
        TableView view = TableView.of(null, null, "  50%_off\\ ");
        assertThat(LEADS.where(view)).isEqualTo(" and (l.title ilike :tableFilter or l.body ilike :tableFilter)");
        assertThat(LEADS.parameters(view, Map.of("x", 1))).containsEntry("x", 1)
                .containsEntry("tableFilter", "%50\\%\\_off\\\\%");
        assertThat(LEADS.where(TableView.NONE)).isEmpty();
        assertThat(LEADS.parameters(TableView.NONE, Map.of())).isEmpty();
    }

    @Test
    void aListWithoutATextFilterRefusesOneAndAnOverlongFilterIsRefused() {
        ListColumns sortOnly = ListColumns.orderedBy("name", "p.name", false, "p.id");
        assertThatThrownBy(() -> sortOnly.where(TableView.of(null, null, "x")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("q"));
        assertThatThrownBy(() -> TableView.of(null, null, "x".repeat(TableView.MAX_FILTER + 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("q"));
    }
}
