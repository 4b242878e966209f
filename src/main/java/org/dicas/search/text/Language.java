package org.dicas.search.text;

/** The language of a text: Japanese when it contains kana or kanji (mixed text counts as Japanese), else English. */
public enum Language {
    EN, JA;

    /** {@link #JA} when the text contains any hiragana, katakana or CJK ideograph, otherwise {@link #EN}. */
    public static Language detect(String text) {
        return TextAnalysis.hasJapanese(text) ? JA : EN;
    }
}
