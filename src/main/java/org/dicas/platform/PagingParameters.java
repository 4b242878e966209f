package org.dicas.platform;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
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
 * operation. {@code ApiListsAreMarkedTest} fails on an API list that takes no {@code Paging}.
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
            return operation;
        };
    }

    private static Parameter query(String name, String description, int byDefault, int max) {
        IntegerSchema schema = new IntegerSchema();
        schema.setMinimum(BigDecimal.ONE);
        schema.setMaximum(BigDecimal.valueOf(max));
        schema.setDefault(byDefault);
        return new Parameter().in("query").name(name).description(description).required(false).schema(schema);
    }
}
