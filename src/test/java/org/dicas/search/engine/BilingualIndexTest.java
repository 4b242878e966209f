package org.dicas.search.engine;

import org.dicas.shared.ReadableIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.dicas.search.text.Glossary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index on its own, with a small glossary: matching in both languages, ranking, the readable filter. */
class BilingualIndexTest {

    static final String AREAS = "code\tparent\tname_en\tname_ja\nAIR\t\tAir\t航空\nMD\t\tMissile defense\tミサイル防衛\n"
            + "SUS\t\tSustainment\t維持整備\n";
    static final String GLOSSARY = "id\tarea\ten\tja\trole\n"
            + "interceptor\tMD\tinterceptor|interceptor missile\t迎撃ミサイル|迎撃弾\tOBJECT\n"
            + "trainer\tAIR\ttrainer aircraft|trainer jet|trainer\t練習機\tOBJECT\n"
            + "ship-repair\tSUS\tship repair\t船舶修理|艦船修理\tACTIVITY\n"
            + "missile\tMD\tmissile\tミサイル\tGENERIC\n";

    static Glossary glossary() {
        return Glossary.load(new StringReader(GLOSSARY), new StringReader(AREAS));
    }

    BilingualIndex index;

    @BeforeEach
    void open() throws IOException {
        index = BilingualIndex.open(new ByteBuffersDirectory(), glossary());
        index.upsert(List.of(
                rec(1, "Glide-phase interceptor", "Joint development of an interceptor for hypersonic threats."),
                rec(2, "次期練習機の導入", "航空自衛隊の練習機T-4の後継機を2030年代に調達する。"),
                rec(3, "艦船の修理", "米海軍艦艇の船舶修理を日本の造船所で実施する。"),
                rec(4, "Trainer aircraft replacement", "Replace the T-7 fleet; USML-IV items."),
                rec(5, "Budget meeting", "Discussion of the interceptor budget and other matters."),
                rec(6, "迎撃ミサイルの共同生産", "SM-3ブロックIIAの共同生産。")));
        index.refresh();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    static IndexedRecord rec(long id, String title, String text) {
        return new IndexedRecord(id, "DOCUMENT", title, text, "PUBLIC", "/documents/" + id, 0, id);
    }

    List<Long> ids(String q) throws IOException {
        return ids(q, null, 50);
    }

    List<Long> ids(String q, ReadableIds readable, int limit) throws IOException {
        List<Long> out = new ArrayList<>();
        for (Found f : index.search(BilingualQuery.of(q, index.glossary()), readable, limit)) {
            out.add(f.id());
        }
        return out;
    }

    @Test
    void aJapaneseQueryFindsEnglishRecordsAndTheReverse() throws IOException {
        assertThat(ids("迎撃ミサイル")).contains(1L, 5L, 6L).doesNotContain(2L, 3L, 4L);
        assertThat(ids("練習機")).containsExactlyInAnyOrder(2L, 4L);
        assertThat(ids("trainer aircraft")).containsExactlyInAnyOrder(2L, 4L);
        assertThat(ids("ship repair")).containsExactly(3L);
        assertThat(ids("interceptors")).contains(1L, 5L, 6L);
        assertThat(ids("missile")).as("a record about an interceptor missile is about a missile").containsExactly(6L);
    }

    @Test
    void titleMatchesRankFirstAndSameLanguageBeforeTranslation() throws IOException {
        assertThat(ids("interceptor").get(0)).isEqualTo(1L);
        assertThat(ids("trainer").get(0)).as("title match in the same language first").isEqualTo(4L);
        assertThat(ids("迎撃ミサイル").get(0)).isEqualTo(6L);
    }

    @Test
    void everyWordMustMatchSomeWay() throws IOException {
        assertThat(ids("interceptor budget")).containsExactly(5L);
        assertThat(ids("trainer 2030年代")).containsExactly(2L);
        assertThat(ids("nothinglikethis interceptor")).isEmpty();
    }

    @Test
    void literalSubstringsMatchCodesPartsOfWordsAndPunctuation() throws IOException {
        assertThat(ids("USML-IV")).containsExactly(4L);
        assertThat(ids("ml-i")).containsExactly(4L);
        assertThat(ids("T-4")).containsExactly(2L);
        assertThat(ids("IIA")).containsExactly(6L);
        assertThat(ids(";")).containsExactly(4L);
        assertThat(ids("hyperson")).containsExactly(1L);
    }

    @Test
    void querySyntaxIsJustText() throws IOException {
        for (String q : List.of("AND", "interceptor AND NOT", "\"", "(", "*", "?", "title:x", "a~2", "[1 TO 5]", "\\",
                "+-&&||!(){}[]^\"~*?:\\/", "' OR '1'='1", "%_%", "x".repeat(200), "a,".repeat(100))) {
            index.search(BilingualQuery.of(q, index.glossary()), null, 10);
        }
        assertThat(ids("Budget AND")).containsExactly(5L);
        assertThat(ids("hypersonic OR Budget")).as("words are not operators: all must match").isEmpty();
    }

    @Test
    void theReadableFilterIsAppliedBeforeTheLimit() throws IOException {
        List<IndexedRecord> hidden = new ArrayList<>();
        for (long id = 100; id < 130; id++) {
            hidden.add(rec(id, "zephyr zephyr zephyr", "zephyr zephyr zephyr zephyr"));
        }
        hidden.add(rec(200, "report", "mentions zephyr once among many other words of a long text"));
        index.upsert(hidden);
        index.refresh();
        assertThat(ids("zephyr", null, 1)).doesNotContain(200L);
        ReadableIds readable = ReadableIds.of(LongStream.concat(LongStream.rangeClosed(1, 6), LongStream.of(200)).toArray());
        assertThat(ids("zephyr", readable, 1)).containsExactly(200L);
        assertThat(index.count(BilingualQuery.of("zephyr", null), readable)).isEqualTo(1);
    }

    @Test
    void snippetsShowThePassageThatMatchedInEitherLanguage() throws IOException {
        index.upsert(List.of(rec(300, "Long text", "Lorem ipsum dolor sit amet. ".repeat(20)
                + "艦艇の船舶修理に関する協議。" + " Consectetur adipiscing elit.".repeat(20))));
        index.refresh();
        Found f = index.search(BilingualQuery.of("ship repair", index.glossary()), ReadableIds.of(300), 1).get(0);
        assertThat(f.snippet()).contains("船舶修理").startsWith("…").endsWith("…");
    }

    @Test
    void updatesReplaceAndDeletesRemove() throws IOException {
        index.upsert(List.of(rec(1, "Renamed record", "nothing about missiles now")));
        index.delete(List.of(6L));
        index.refresh();
        assertThat(ids("Glide-phase")).isEmpty();
        assertThat(ids("renamed")).containsExactly(1L);
        assertThat(ids("迎撃ミサイル")).containsExactly(5L);
        assertThat(index.versions()).hasSize(5);
    }

    @Test
    void rankedScoresAreTheSearchScoresAndCompactionIntoOneSegmentKeepsTheRanking() throws IOException {
        for (long id = 10; id < 40; id += 10) {
            index.upsert(List.of(rec(id, "Interceptor study " + id, "interceptor production and sustainment"),
                    rec(id + 1, "Interceptor", "an interceptor, the interceptor")));
            index.refresh();
        }
        assertThat(index.segments()).isGreaterThan(1);
        BilingualQuery q = BilingualQuery.of("interceptor", index.glossary());
        List<Ranked> ranked = index.ranked(q, null, 0, 20).page();
        List<Found> found = index.search(q, null, 0, 20);
        assertThat(ranked).hasSize(found.size()).hasSizeGreaterThan(6);
        for (int i = 0; i < ranked.size(); i++) {
            assertThat(ranked.get(i).id()).isEqualTo(found.get(i).id());
            assertThat(ranked.get(i).score()).isEqualTo(found.get(i).score());
        }

        index.compact();

        assertThat(index.segments()).isEqualTo(1);
        assertThat(index.ranked(q, null, 0, 20).page()).isEqualTo(ranked);
    }
}
