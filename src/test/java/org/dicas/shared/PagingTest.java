package org.dicas.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingTest {

    @Test
    void withoutParametersItIsTheFirstPageOfFifty() {
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(1, 50)).isEqualTo(Paging.FIRST);
        assertThat(Paging.of(" ", "")).isEqualTo(Paging.FIRST);
        assertThat(Paging.of("3", "200")).isEqualTo(new Paging(3, 200));
        assertThat(Paging.of("2147483647", "1")).isEqualTo(new Paging(Integer.MAX_VALUE, 1));
        assertThat(new Paging(3, 20).offset()).isEqualTo(40);
        assertThat(new Paging(Integer.MAX_VALUE, 200).offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0      | 50    | page | must be a whole number from 1 to 2147483647, not '0'",
            "-1     | 50    | page | must be a whole number from 1 to 2147483647, not '-1'",
            "abc    | 50    | page | must be a whole number from 1 to 2147483647, not 'abc'",
            "1.5    | 50    | page | must be a whole number from 1 to 2147483647, not '1.5'",
            "2147483648 | 50 | page | must be a whole number from 1 to 2147483647, not '2147483648'",
            "99999999999 | 50 | page | must be a whole number from 1 to 2147483647, not '99999999999'",
            "1      | 0     | size | must be a whole number from 1 to 200, not '0'",
            "1      | 201   | size | must be a whole number from 1 to 200, not '201'",
            "1      | 10000 | size | must be a whole number from 1 to 200, not '10000'",
            "1      | ten   | size | must be a whole number from 1 to 200, not 'ten'"})
    void badInputIsRefusedNamingTheParameterAndItsRange(String page, String size, String field, String message) {
        assertThatThrownBy(() -> Paging.of(page, size)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void aListInMemoryIsSlicedIntoPagesThatAddUpToIt() {
        List<Integer> all = IntStream.rangeClosed(1, 7).boxed().toList();
        Page<Integer> first = new Paging(1, 3).slice(all);
        Page<Integer> last = new Paging(3, 3).slice(all);
        Page<Integer> past = new Paging(4, 3).slice(all);
        assertThat(first.items()).containsExactly(1, 2, 3);
        assertThat(first.first()).isEqualTo(1);
        assertThat(first.last()).isEqualTo(3);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(last.items()).containsExactly(7);
        assertThat(last.first()).isEqualTo(7);
        assertThat(last.hasNext()).isFalse();
        assertThat(past.items()).isEmpty();
        assertThat(past.first()).isZero();
        assertThat(past.total()).isEqualTo(7);
        assertThat(past.hasPrevious()).isTrue();
    }

    @Test
    void aPageThatIsNotFullTellsTheTotalAFullOrEmptyOneDoesNot() {
        Paging second = new Paging(2, 10);
        assertThat(second.totalWhenShown(4)).isEqualTo(14);
        assertThat(second.totalWhenShown(10)).isEqualTo(-1);
        assertThat(second.totalWhenShown(0)).isEqualTo(-1);
        assertThat(Paging.FIRST.totalWhenShown(0)).isZero();
    }
}
