package org.dicas.titles.internal;

import java.io.Serializable;

/**
 * What a person typed in the title form, shown again (with the refusal) when it was not saved. Serializable: it
 * travels to the record's page as a flash attribute in the web session, which PostgreSQL stores.
 */
public record TitleForm(String language, String title, String summary) implements Serializable {
}
