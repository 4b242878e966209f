package org.dicas.platform;

import static org.dicas.shared.Sentences.render;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.dicas.shared.ListHead;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentence;

/**
 * The CSV of a list as its pages show it ({@link ListHead}: the same query, filter and sort, so only what the reader
 * may read): the banner is the high-water mark of the rows, the header row is in the reader's language (the keys
 * {@code headers + "." + column}), one row per item, and a last row saying so when the list held more than the
 * export's limit. The caller audits the export and downloads it ({@link CsvFile#download}).
 */
public final class ListExport {

    private ListExport() {
    }

    public static <T> CsvFile of(ListHead<T> head, Function<? super T, Marking> marking, String headers,
                                 List<String> columns, Locale locale, Function<? super T, List<?>> row) {
        CsvFile csv = new CsvFile(Marking.highWaterMark(head.items().stream().<Marking>map(marking).toList()),
                columns.stream().map(c -> render(Sentence.label(headers, c), locale)).toList());
        head.items().forEach(item -> csv.row(row.apply(item)));
        if (head.cut()) {
            csv.row(List.of(render(Sentence.of("table.csv.more", head.items().size(), head.total()), locale)));
        }
        return csv;
    }
}
