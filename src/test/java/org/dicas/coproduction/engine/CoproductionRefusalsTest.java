package org.dicas.coproduction.engine;

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
 * The co-production rules refuse bad input with a sentence: its English is the command line's line (checked word
 * for word in {@code CoproductionCommandTest}), and the same refusal reads as Japanese on the platform's forms.
 */
class CoproductionRefusalsTest {

    static final String PROBLEM = """
            {"periods": 2,
             "lines": [{"id": "L-1", "nation": "JPN", "product": "PAC-3", "capacity": [4, 4], "unitCost": 3.5}],
             "components": [{"id": "SRM", "capacity": [9, 9], "usage": {"PAC-3": 1}}],
             "demands": [{"id": "D-1", "nation": "USA", "product": "PAC-3", "quantity": 6, "due": 2, "priority": 3}],
             "transfers": [{"from": "JPN", "to": "USA", "products": ["PAC-3"]}]}
            """;

    /** Two lower-case Latin words in a row: an English phrase (ids, codes and JSON field names are single words). */
    static final Pattern ENGLISH_PHRASE = Pattern.compile("\\b[a-z]{2,}\\s+[a-z]{2,}\\b");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            capacity list of the wrong length | "capacity": [4, 4] | "capacity": [4] | coproduction.rule.capacityLength | ライン L-1：生産能力は2期分を指定してください
            due after the last period | "due": 2 | "due": 5 | coproduction.rule.due | 所要 D-1：所要時期は第1期から第2期まで
            unknown product of a demand | "product": "PAC-3", "quantity" | "product": "GPI", "quantity" | coproduction.rule.demandUnknownProduct | 製品「GPI」を生産するラインがありません
            unknown product of a component | {"PAC-3": 1} | {"GPI": 1} | coproduction.rule.usageUnknownProduct | 部品 SRM：使用数に指定された製品「GPI」
            unknown nation of a transfer | "to": "USA" | "to": "AUS" | coproduction.rule.transferUnknownNation | 移転 JPN→AUS：国「AUS」のライン又は所要がありません
            transfer to itself | "to": "USA" | "to": "JPN" | coproduction.rule.transferSameNation | 移転元と移転先には異なる国
            negative capacity | [9, 9] | [9, -1] | coproduction.rule.capacityRange | 部品 SRM：第2期の能力は0から1000000まで
            negative cost | "unitCost": 3.5 | "unitCost": -3.5 | coproduction.rule.unitCostRange | 単価は0から1000000までの範囲
            zero priority | "priority": 3 | "priority": 0 | coproduction.rule.priorityRange | 優先度は1から1000まで
            fractional quantity | "quantity": 6 | "quantity": 2.5 | engineInput.notWhole | quantity は整数で指定してください（入力値：2.5）
            unknown field | "priority": 3 | "priority": 3, "prio": 1 | engineInput.unknownField | 所要 D-1：項目「prio」は定義されていません
            """)
    void aRefusalIsASentenceThatReadsInJapaneseToo(String name, String from, String to, String key, String japanese) {
        assertThat(PROBLEM).contains(from);
        String json = PROBLEM.replaceFirst(Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        CoproductionException e = catchThrowableOfType(CoproductionException.class,
                () -> CoproductionJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertThat(e).as(name).isNotNull();
        assertThat(e.sentence().key()).isEqualTo(key);
        assertThat(e.getMessage()).isEqualTo(e.sentence().english()).doesNotContain("??");
        String ja = Sentences.render(e.sentence(), Locale.JAPANESE);
        assertThat(ja).contains(japanese).doesNotContain("??");
        assertThat(ENGLISH_PHRASE.matcher(ja).find()).as(ja).isFalse();
    }
}
