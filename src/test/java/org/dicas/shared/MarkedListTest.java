package org.dicas.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkedListTest {

    record Item(Marking marking) {
    }

    /** An item that shows other records too (like a program with its linked requirements). */
    record Composite(Marking marking, List<Marking> embedded) {
        Marking highWaterMark() {
            List<Marking> all = new ArrayList<>(embedded);
            all.add(marking);
            return Marking.highWaterMark(all);
        }
    }

    static Item item(String banner) {
        return new Item(Marking.parse(banner));
    }

    @Test
    void anEmptyListIsMarkedWithTheMarkingOfNothingWhichIsPublic() {
        MarkedList<Item> empty = MarkedList.page(Paging.FIRST.slice(List.<Item>of()), Item::marking);
        assertThat(empty.marking()).isEqualTo(Marking.highWaterMark(List.of()));
        assertThat(empty.marking().banner()).isEqualTo("PUBLIC");
        assertThat(empty.items()).isEmpty();
        assertThat(empty.total()).isZero();
    }

    @Test
    void theListIsMarkedWithTheHighWaterMarkOfItsItemsAndEachItemKeepsItsOwn() {
        MarkedList<Item> list = MarkedList.page(Paging.FIRST.slice(List.of(item("UNCLASSIFIED//REL TO USA, JPN"),
                item("CUI//REL TO USA, JPN, AUS"), item("PUBLIC"))), Item::marking);
        assertThat(list.marking().banner()).isEqualTo("CUI//REL TO USA, JPN");
        assertThat(list.items()).extracting(i -> i.marking().banner())
                .containsExactly("UNCLASSIFIED//REL TO USA, JPN", "CUI//REL TO USA, JPN, AUS", "PUBLIC");
    }

    @Test
    void whatAnItemEmbedsRaisesTheListsMarkingNotTheItemsOwn() {
        Composite program = new Composite(Marking.parse("UNCLASSIFIED"), List.of(Marking.parse("CUI//NOFORN")));
        MarkedList<Composite> list = MarkedList.page(Paging.FIRST.slice(List.of(program)), Composite::highWaterMark);
        assertThat(list.marking().banner()).isEqualTo("CUI//NOFORN");
        assertThat(list.items().get(0).marking().banner()).isEqualTo("UNCLASSIFIED");
    }

    @Test
    void theListIsACopyLaterChangesToTheSourceCannotSlipUnderItsBanner() {
        List<Item> source = new ArrayList<>(List.of(item("PUBLIC")));
        MarkedList<Item> list = MarkedList.page(new Page<>(source, Paging.FIRST, 1), Item::marking);
        source.add(item("CUI//NOFORN"));
        assertThat(list.items()).hasSize(1);
        assertThat(list.marking().banner()).isEqualTo("PUBLIC");
    }

    @Test
    void theBannerIsThatOfThePageShownNotOfTheWholeList() {
        List<Item> all = List.of(item("CUI//NOFORN"), item("PUBLIC"), item("UNCLASSIFIED"));
        MarkedList<Item> second = MarkedList.page(new Paging(2, 2).slice(all), Item::marking);
        assertThat(second.items()).extracting(i -> i.marking().banner()).containsExactly("UNCLASSIFIED");
        assertThat(second.marking().banner()).isEqualTo("UNCLASSIFIED");
        assertThat(second.pageNumber()).isEqualTo(2);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.total()).isEqualTo(3);
    }
}
