package org.dicas.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The hand-written fast paths of snippet making agree with the definitions they replace, on any text. */
class TextFoldingProperties {

    @Property(tries = 500)
    void whitespaceIsCollapsedExactlyAsTheRegexDoes(
            @ForAll @StringLength(max = 60) @Chars({' ', '\t', '\n', '\r', '\f', '\u000B', '\u3000', 'a', 'Z', '語'})
            String text) {
        assertThat(Snippets.collapseWhitespace(text)).isEqualTo(text.replaceAll("\\s+", " "));
    }

    @Property(tries = 500)
    void foldingIsLowerCaseCodePointByCodePoint(
            @ForAll @StringLength(max = 40) @CharRange(from = 0x20, to = 0xFFFF) String bmp,
            @ForAll @StringLength(max = 10) @Chars({'\uD801', '\uDC00', '\uDC28', 'A', 'Ä', 'Σ', 'İ'}) String astral) {
        for (String s : new String[] {bmp, astral, bmp + "\uD801\uDC00" + astral}) {
            StringBuilder expected = new StringBuilder();
            s.codePoints().forEach(cp -> expected.appendCodePoint(Character.toLowerCase(cp)));
            assertThat(BilingualQuery.fold(s)).isEqualTo(expected.toString());
        }
    }
}
