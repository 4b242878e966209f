package org.dicas.programs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.dicas.shared.Sentences;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine refuses bad input with a sentence, not English text: its English is the command line's line (checked
 * word for word in {@code WorkShareCommandTest}), and the same refusal reads as Japanese for the platform.
 */
class WorkShareRefusalsTest {

    static final String PROBLEM = """
            {"nations": [{"code": "USA", "share": 60}, {"code": "JPN", "share": 40}], "tolerance": 5,
             "packages": [{"id": "WP-1", "controls": ["ITAR-USML-IV"],
                           "options": [{"performer": "Pacific", "nation": "USA", "cost": 10},
                                       {"performer": "Sakura", "nation": "JPN", "cost": 12}]}],
             "releases": [{"control": "ITAR-USML-IV", "nations": ["USA", "JPN"]}],
             "capacities": [{"performer": "Sakura", "maxCost": 40}]}
            """;

    /** Two lower-case Latin words in a row: an English phrase (ids, codes and JSON field names are single words). */
    static final Pattern ENGLISH_PHRASE = Pattern.compile("\\b[a-z]{2,}\\s+[a-z]{2,}\\b");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            shares not summing to 100 | "share": 40 | "share": 39.5 | workShare.input.sharesSum | 各国の分担の合計が 99.5 です
            negative cost | "cost": 12 | "cost": -12 | workShare.input.negative | 作業パッケージ WP-1 の実施案 2（Sakura） の cost に負の値は指定できません
            unknown nation of an option | "nation": "JPN", "cost" | "nation": "KOR", "cost" | workShare.input.unknownNation | 国「KOR」
            unknown control | "controls": ["ITAR-USML-IV"] | "controls": ["ITAR-USML-XI"] | workShare.input.unknownControl | 輸出管理区分「ITAR-USML-XI」
            duplicate nation | "code": "JPN" | "code": "USA" | workShare.input.listedTwice | 国 USA が重複しています
            no options | {"id": "WP-1", | {"id": "WP-0", "options": []}, {"id": "WP-1", | workShare.input.noOptions | 作業パッケージ WP-0 に実施案がありません
            unknown performer's capacity | "performer": "Sakura", "maxCost" | "performer": "Fuji", "maxCost" | workShare.input.unknownPerformer | Fuji の能力上限
            tolerance above 100 | "tolerance": 5 | "tolerance": 101 | workShare.input.percentRange | 許容幅 は0から100までの範囲
            unknown field | "tolerance": 5 | "tolerance": 5, "tolerence": 1 | engineInput.unknownField | 入力全体：項目「tolerence」
            a string for a number | "cost": 10 | "cost": "10" | engineInput.notNumber | cost は数値で指定してください
            """)
    void aRefusalIsASentenceThatReadsInJapaneseToo(String name, String from, String to, String key, String japanese) {
        assertThat(PROBLEM).contains(from);
        String json = PROBLEM.replaceFirst(Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        WorkShareException e = catchThrowableOfType(WorkShareException.class, () -> WorkShareBalancer.create()
                .validate(WorkShareJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))));
        assertThat(e).as(name).isNotNull();
        assertThat(e.sentence().key()).isEqualTo(key);
        assertThat(e.getMessage()).isEqualTo(e.sentence().english()).doesNotContain("??");
        String ja = Sentences.render(e.sentence(), Locale.JAPANESE);
        assertThat(ja).contains(japanese).doesNotContain("??");
        assertThat(ENGLISH_PHRASE.matcher(ja).find()).as(ja).isFalse();
    }
}
