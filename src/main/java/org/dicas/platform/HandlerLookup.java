package org.dicas.platform;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finding the controller method of a request whose path has a variable ({@code /api/v1/documents/{id}}) without
 * trying every one of the platform's four hundred mappings in full (issue 11). Spring MVC looks such a path up by
 * asking each mapping whether it matches, and each asks the request its method, its headers and its path through the
 * five request wrappers of the filter chain — about a tenth of an API read's CPU, measured. Here each mapping first
 * compares the literal segments its patterns begin with ({@code api}, {@code v1}, {@code documents}) against the
 * request's path segments, read once per look-up; a mapping whose literal start differs cannot match and is skipped.
 * Every other mapping is asked exactly as Spring asks it, so the chosen method, its ordering among several matches, the
 * 405 and 415 answers and CORS are unchanged ({@code HandlerLookupTest} compares every registered mapping's answer
 * with Spring's own).
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

    @Bean
    WebMvcRegistrations literalSegmentsFirst() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new LiteralSegmentsFirst();
            }
        };
    }

    /** The request mapping with a literal-segment pre-check before Spring's own matching of each mapping. */
    static final class LiteralSegmentsFirst extends RequestMappingHandlerMapping {

        /** The request's path segments during one look-up on this thread (null outside a look-up). */
        private static final ThreadLocal<String[]> SEGMENTS = new ThreadLocal<>();

        /**
         * Per mapping, the literal leading segments of each of its patterns; absent = always asked in full. Keyed by
         * identity (Spring asks with the very objects it registered) and replaced whole on every registration, so a
         * look-up reads it without locks or {@code equals}.
         */
        private volatile Map<RequestMappingInfo, String[][]> starts = new IdentityHashMap<>();

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            remember(mapping);
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
            super.registerMapping(mapping, handler, method);
            remember(mapping);
        }

        private void remember(RequestMappingInfo mapping) {
            String[][] literal = literalStarts(mapping);
            if (literal != null) {
                synchronized (this) {
                    Map<RequestMappingInfo, String[][]> next = new IdentityHashMap<>(starts);
                    next.put(mapping, literal);
                    starts = next;
                }
            }
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            synchronized (this) {
                Map<RequestMappingInfo, String[][]> next = new IdentityHashMap<>(starts);
                next.remove(mapping);
                starts = next;
            }
        }

        /** How many mappings are checked by their literal start first (the others are always asked in full). */
        int checkedByLiteralStart() {
            return starts.size();
        }

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            String[] before = SEGMENTS.get();
            SEGMENTS.set(ServletRequestPathUtils.hasParsedRequestPath(request)
                    ? segments(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()) : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                // a nested look-up (an error dispatch inside a look-up) gets its caller's path back; the outermost
                // leaves nothing on the thread
                if (before == null) {
                    SEGMENTS.remove();
                } else {
                    SEGMENTS.set(before);
                }
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String[] path = SEGMENTS.get();
            if (path != null) {
                String[][] literal = starts.get(info);
                if (literal != null && !startsWithAny(path, literal)) {
                    return null;
                }
            }
            return super.getMatchingMapping(info, request);
        }

        /**
         * The path's segments as a pattern's literal elements compare them: decoded, without matrix variables
         * ({@link PathContainer.PathSegment#valueToMatch()}); separators left out.
         */
        static String[] segments(PathContainer path) {
            List<String> out = new ArrayList<>();
            for (PathContainer.Element e : path.elements()) {
                if (e instanceof PathContainer.PathSegment s) {
                    out.add(s.valueToMatch());
                }
            }
            return out.toArray(String[]::new);
        }

        /**
         * The literal leading segments of each path pattern of a mapping, or null when one pattern has none or the
         * mapping has no path patterns, or the patterns ignore case: such a mapping is always asked in full.
         */
        private String[][] literalStarts(RequestMappingInfo info) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition == null || condition.getPatterns().isEmpty() || getPatternParser() == null
                    || !getPatternParser().isCaseSensitive()) {
                return null;
            }
            List<String[]> out = new ArrayList<>();
            for (PathPattern pattern : condition.getPatterns()) {
                String[] literal = literalStart(pattern.getPatternString());
                if (literal.length == 0) {
                    return null;
                }
                out.add(literal);
            }
            return out.toArray(String[][]::new);
        }

        /** The segments before the first one holding a variable, a wildcard or a regular expression. */
        static String[] literalStart(String pattern) {
            List<String> out = new ArrayList<>();
            for (String segment : pattern.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                if (segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0
                        || segment.indexOf('\\') >= 0 || segment.indexOf(';') >= 0 || segment.indexOf('%') >= 0) {
                    break;
                }
                out.add(segment);
            }
            return out.toArray(String[]::new);
        }

        static boolean startsWithAny(String[] path, String[][] literal) {
            for (String[] start : literal) {
                if (startsWith(path, start)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean startsWith(String[] path, String[] start) {
            if (path.length < start.length) {
                return false;
            }
            for (int i = 0; i < start.length; i++) {
                if (!start[i].equals(path[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
