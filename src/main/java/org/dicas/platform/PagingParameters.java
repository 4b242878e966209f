package org.dicas.platform;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.dicas.shared.ListColumns;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Paging at the edge, in one place: a handler that lists takes a {@link Paging} argument, read from the query
 * parameters {@code page} (from 1, default 1) and {@code size} (1–{@value Paging#MAX_SIZE}, default
 * {@value Paging#DEFAULT_SIZE}); bad input is an {@code InvalidInputException} naming the parameter and its range
 * (400 problem+json in the API, the 400 page in the UI). The API description shows both parameters on every such
 * operation. {@code ApiListsAreMarkedTest} fails on an API list that takes no {@code Paging}. A handler that takes a
 * {@link TableView} reads it here too: {@code sort} ({@code field,asc|desc} in the API; {@code sort} and {@code dir}
 * on pages) and {@code q}; the API description shows the fields of the list's {@link SortedBy} columns.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class PagingParameters implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Paging.class, TableView.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestValueResolver<>(Paging.class,
                request -> Paging.of(request.getParameter("page"), request.getParameter("size"))));
        resolvers.add(new RequestValueResolver<>(TableView.class, request -> TableView.of(request.getParameter("sort"),
                request.getParameter("dir"), request.getParameter("q"))));
    }

    /** Documents {@code page} and {@code size} on every operation that takes a {@link Paging}. */
    @Bean
    OperationCustomizer pagingQueryParameters() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == Paging.class)) {
                operation.addParametersItem(query("page", "the page, from 1", 1, Integer.MAX_VALUE));
                operation.addParametersItem(query("size", "items to a page, from 1 to " + Paging.MAX_SIZE,
                        Paging.DEFAULT_SIZE, Paging.MAX_SIZE));
            }
            Arrays.stream(handler.getMethodParameters()).filter(p -> p.getParameterType() == TableView.class)
                    .map(p -> p.getParameterAnnotation(SortedBy.class)).filter(java.util.Objects::nonNull).findFirst()
                    .ifPresent(sorted -> {
                        ListColumns columns = columns(sorted);
                        List<String> keys = columns.keys();
                        operation.addParametersItem(new Parameter().in("query").name("sort").required(false)
                                .description("field,asc or field,desc (the direction optional: each field has its "
                                        + "usual one); fields: " + String.join(", ", keys) + "; by default "
                                        + keys.get(0) + (columns.usuallyDescending(keys.get(0)) ? ",desc" : ",asc")
                                        + "; ties in the id's order, so pages neither overlap nor skip; an unknown "
                                        + "field is a 400 naming the fields")
                                .schema(new StringSchema().pattern("^[a-zA-Z]+(,(asc|desc))?$")
                                        .example(keys.get(keys.size() > 1 ? 1 : 0) + ",asc")));
                        if (columns.filterable()) {
                            operation.addParametersItem(new Parameter().in("query").name("q").required(false)
                                    .description("only the items whose texts contain this, case-insensitive (at most "
                                            + TableView.MAX_FILTER + " characters)")
                                    .schema(new StringSchema().maxLength(TableView.MAX_FILTER)));
                        }
                    });
            return operation;
        };
    }

    /** The columns a {@link SortedBy} names. */
    static ListColumns columns(SortedBy sorted) {
        try {
            java.lang.reflect.Field f = sorted.value().getField(sorted.columns());
            return (ListColumns) f.get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(sorted + " names no public static ListColumns", e);
        }
    }

    private static Parameter query(String name, String description, int byDefault, int max) {
        IntegerSchema schema = new IntegerSchema();
        schema.setMinimum(BigDecimal.ONE);
        schema.setMaximum(BigDecimal.valueOf(max));
        schema.setDefault(byDefault);
        return new Parameter().in("query").name(name).description(description).required(false).schema(schema);
    }
}
