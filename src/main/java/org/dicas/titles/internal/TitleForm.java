package org.dicas.titles.internal;

/** What a person typed in the title form, shown again (with the refusal) when it was not saved. */
public record TitleForm(String language, String title, String summary) {
}
