package org.dicas.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names, on an API list's {@link org.dicas.shared.TableView} parameter, the {@link org.dicas.shared.ListColumns} the
 * list sorts and filters by — a {@code public static final} field of {@code value} ({@code COLUMNS} unless said) — so
 * that the API description shows the {@code sort} fields the list accepts, its own order and whether it has a text
 * filter ({@link PagingParameters}). The list itself checks the field asked for against the same columns.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface SortedBy {

    /** The class holding the list's columns. */
    Class<?> value();

    /** The name of the static field holding them. */
    String columns() default "COLUMNS";
}
