package org.dicas.platform;

import java.util.List;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.Versioned;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Optimistic concurrency at the edge, in one place. Every response whose body is {@link Versioned} carries its
 * version as {@code ETag}; a handler that changes a record takes an {@link ExpectedVersion} argument, resolved from
 * {@code If-Match} (API) or the form's {@code version} field (pages). A change that names no version is refused
 * with 428 where it would be saved ({@link ExpectedVersion#required()}), after the record has been found and checked,
 * so that a hidden record answers exactly like a missing one. {@code OptimisticConcurrencyTest} fails when a PUT, PATCH or DELETE handler of
 * the API takes no {@code ExpectedVersion}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class OptimisticConcurrency implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestValueResolver<>(ExpectedVersion.class, OptimisticConcurrency::expected));
    }

    private static ExpectedVersion expected(NativeWebRequest request) {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch != null) {
            return ExpectedVersion.ofEntityTag(ifMatch);
        }
        String field = request.getParameter("version");
        if (field != null) {
            return ExpectedVersion.ofField("version", field);
        }
        return ExpectedVersion.notGiven(); // refused where the change would be saved, after the record is found
    }

    /** Sets {@code ETag} from the version of a {@link Versioned} response body. */
    @ControllerAdvice
    static class EntityTags implements ResponseBodyAdvice<Object> {
        @Override
        public boolean supports(MethodParameter returnType, Class converterType) {
            return true;
        }

        @Override
        public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType, Class converterType,
                                      ServerHttpRequest request, ServerHttpResponse response) {
            if (body instanceof Versioned v) {
                response.getHeaders().setETag(ExpectedVersion.entityTag(v.version()));
            }
            return body;
        }
    }
}
