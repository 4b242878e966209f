package org.dicas.platform;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finding the controller method of a request whose path has a variable ({@code /api/v1/documents/{id}}) without
 * trying every one of the platform's four hundred mappings (issue 11). Spring MVC looks such a path up by asking each
 * mapping whether it matches, and each asks the request its method, its headers and its path through the five request
 * wrappers of the filter chain. A first version compared each mapping's literal leading segments before asking it;
 * that loop over every mapping's strings was still a third of an API read's request-thread CPU (JFR, 2026-12-05).
 * Now the patterns' shapes — how many segments, which of them literal and what they say, where a rest-matching
 * wildcard begins — form a tree built once at registration; a look-up walks the tree with the request's path segments
 * once and gets the few mappings that can match (usually one to three), and Spring's loop skips every other mapping
 * by an identity comparison. The mappings that remain are asked exactly as Spring asks them, so the chosen method, its
 * ordering among several matches, the 405 and 415 answers and CORS are unchanged ({@code HandlerLookupTest} compares
 * every registered mapping's answer with Spring's own, and a few subtle synthetic ones). A shape is only ever wider
 * than its pattern: a segment it cannot read is taken as any one segment, and from an escape or an unclosed variable
 * on (a regular expression may hold a {@code /}) as any rest.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

    /**
     * The actuator's endpoint mappings are asked after the platform's own (Spring Boot asks them first, at order
     * -100): every API read and page was otherwise first compared with every actuator endpoint, in full, and found no
     * match there (a twentieth of an API read's request-thread CPU, JFR, 2026-12-05). An actuator path now costs the
     * platform's mapping one look-up in its tree of shapes, which no pattern of the platform fits
     * ({@code HandlerLookupTest} checks that every actuator endpoint is still answered by the actuator).
     */
    @Bean
    static BeanPostProcessor actuatorMappingsAfterThePlatforms() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                // (Boot's deprecated mapping of @ControllerEndpoint beans stays where it is: the platform has none,
                // and an empty mapping answers at once)
                if (bean instanceof AbstractWebMvcEndpointHandlerMapping m && m.getOrder() < 0) {
                    m.setOrder(ACTUATOR_ORDER);
                }
                return bean;
            }
        };
    }

    /**
     * Right after the platform's request mapping (order 0), before Spring's bean-name, welcome-page and resource
     * mappings (2 and later). A view controller's mapping would also be at 1 (none is registered): it and the actuator
     * share no path. Moving the actuator's base path or an endpoint's path onto a path of the platform would let the
     * platform answer it: keep them under {@code /actuator}.
     */
    static final int ACTUATOR_ORDER = 1;

    @Bean
    WebMvcRegistrations literalSegmentsFirst() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new LiteralSegmentsFirst();
            }
        };
    }

    /**
     * The request mapping that asks in full only the mappings whose patterns can match the request's path by their
     * shape: the number of segments and every literal segment, at its place.
     */
    static final class LiteralSegmentsFirst extends RequestMappingHandlerMapping {

        /**
         * The shapes of each registered mapping's patterns (null: always asked in full), kept so that a rebuild does
         * not parse them again; pruned to Spring's registrations on every rebuild.
         */
        private final Map<RequestMappingInfo, List<Segment[]>> shapes = new IdentityHashMap<>();
        /** The tree of shapes and the handler method of every mapping, replaced whole on every change. */
        private volatile Index index = new Index(new Node(), new IdentityHashMap<>(), 0);

        record Index(Node root, Map<RequestMappingInfo, HandlerMethod> methods, int checkedByShape) {
        }

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            rebuild();
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
            super.registerMapping(mapping, handler, method);
            rebuild();
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            rebuild();
        }

        /**
         * Builds the tree anew from Spring's own registrations (so a mapping removed by an equal, not identical,
         * object is gone here too). Between Spring's registration and this rebuild a look-up may still use the tree
         * before the change — the mappings are registered at start-up, before any request.
         */
        private void rebuild() {
            synchronized (shapes) {
                Map<RequestMappingInfo, HandlerMethod> methods = new IdentityHashMap<>();
                getHandlerMethods().forEach(methods::put);
                shapes.keySet().retainAll(methods.keySet());
                Node fresh = new Node();
                int shaped = 0;
                for (RequestMappingInfo info : methods.keySet()) {
                    if (!shapes.containsKey(info)) {
                        shapes.put(info, shapesOf(info));
                    }
                    List<Segment[]> of = shapes.get(info);
                    if (of == null) {
                        fresh.rest.add(info);
                        continue;
                    }
                    shaped++;
                    for (Segment[] shape : of) {
                        fresh.add(shape, 0, info);
                    }
                }
                fresh.freeze();
                index = new Index(fresh, methods, shaped);
            }
        }

        /** How many mappings are asked only when their shape fits the path (the others are always asked in full). */
        int checkedByLiteralStart() {
            return index.checkedByShape();
        }

        /** The mappings that may match these path segments by their shape (for tests). */
        List<RequestMappingInfo> candidates(String[] path) {
            return List.of(index.root().candidates(path));
        }

        /**
         * Spring's look-up (AbstractHandlerMethodMapping) run over the candidates only: each is asked in full, the
         * matches sorted by the request's comparator, two equally good ones refused as ambiguous, the best one
         * recorded on the request. As in Spring, the candidates whose direct path is the look-up path are asked first
         * and the others only when none of those matches (a literal does not always sort first: HEAD compares methods
         * before paths, and a '?' wildcard ties with a literal). A CORS pre-flight and a path with a segment of matrix
         * variables only go to Spring's own look-up; so do candidates of which none matches, whose 405, 406 or 415
         * Spring tells from every mapping. No candidate at all is no handler: no pattern matches the path even in
         * part, which is also Spring's answer then.
         */
        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            String[] path = ServletRequestPathUtils.hasParsedRequestPath(request)
                    ? segments(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()) : null;
            if (path == null || CorsUtils.isPreFlightRequest(request)) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            Index index = this.index;
            RequestMappingInfo[] candidates = index.root().candidates(path);
            if (candidates.length == 0) {
                // no pattern fits the path even by its shape, so none matches it in part either (no 405, 406 or 415
                // to tell): Spring's answer is no handler, the next mapping is asked, without comparing every mapping
                return null;
            }
            // Spring's order: the mappings whose direct path is this very path first, and the others only when none
            // of those matches
            List<RequestMappingInfo[]> matches = matches(candidates, lookupPath, true, request);
            if (matches.isEmpty()) {
                matches = matches(candidates, lookupPath, false, request);
            }
            if (matches.isEmpty()) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            if (matches.size() > 1) {
                Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
                matches.sort((a, b) -> comparator.compare(a[0], b[0]));
                if (comparator.compare(matches.get(0)[0], matches.get(1)[0]) == 0) {
                    throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
                            + "': {" + index.methods().get(matches.get(0)[1]).getMethod() + ", "
                            + index.methods().get(matches.get(1)[1]).getMethod() + "}");
                }
            }
            RequestMappingInfo best = matches.get(0)[0];
            RequestMappingInfo bestFound = matches.get(0)[1];
            HandlerMethod handler = index.methods().get(bestFound);
            request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
            handleMatch(best, lookupPath, request);
            return handler;
        }

        /** The candidates that match, each as {the match, the registered mapping}: those of this direct path or the others. */
        private List<RequestMappingInfo[]> matches(RequestMappingInfo[] candidates, String lookupPath, boolean direct,
                                                   HttpServletRequest request) {
            List<RequestMappingInfo[]> out = new ArrayList<>(2);
            for (RequestMappingInfo candidate : candidates) {
                if (getDirectPaths(candidate).contains(lookupPath) != direct) {
                    continue;
                }
                RequestMappingInfo match = getMatchingMapping(candidate, request);
                if (match != null) {
                    out.add(new RequestMappingInfo[] {match, candidate});
                }
            }
            return out;
        }

        /**
         * The path's segments as a pattern's literal elements compare them: decoded, without matrix variables
         * ({@link PathContainer.PathSegment#valueToMatch()}); separators left out. Null when a segment is empty
         * (a segment of matrix variables only): such a path is compared with every mapping in full.
         */
        static String[] segments(PathContainer path) {
            List<String> out = new ArrayList<>();
            for (PathContainer.Element e : path.elements()) {
                if (e instanceof PathContainer.PathSegment s) {
                    if (s.valueToMatch().isEmpty()) {
                        return null;
                    }
                    out.add(s.valueToMatch());
                }
            }
            return out.toArray(String[]::new);
        }

        /**
         * The shape of each path pattern of a mapping, or null when the mapping has no path patterns or its patterns
         * ignore case: such a mapping is always asked in full.
         */
        private List<Segment[]> shapesOf(RequestMappingInfo info) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition == null || condition.getPatterns().isEmpty() || getPatternParser() == null
                    || !getPatternParser().isCaseSensitive()) {
                return null;
            }
            List<Segment[]> out = new ArrayList<>();
            for (PathPattern pattern : condition.getPatterns()) {
                out.add(shape(pattern.getPatternString()));
            }
            return out;
        }

        /** What one segment of a pattern matches, as far as the shape goes. */
        record Segment(Kind kind, String literal) {
        }

        enum Kind {
            /** exactly this text */
            LITERAL,
            /** exactly one segment, whatever its text (a variable, a wildcard, a regular expression) */
            ONE,
            /** any number of segments from here on ({@code **}, {@code {*name}}) */
            REST
        }

        /**
         * A pattern's segments in order; a segment with an escape, a matrix variable or an encoded character is
         * taken as any one segment (a wider shape only means one more mapping asked in full), and nothing after a
         * segment that matches the rest is read.
         */
        static Segment[] shape(String pattern) {
            List<Segment> out = new ArrayList<>();
            for (String segment : pattern.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                // a rest wildcard; or an escape or an unclosed variable, whose regular expression may hold a '/' that
                // splitting has cut: from here on, any rest
                if (segment.contains("**") || segment.contains("{*") || segment.indexOf('\\') >= 0
                        || segment.chars().filter(c -> c == '{').count() != segment.chars().filter(c -> c == '}').count()) {
                    out.add(new Segment(Kind.REST, null));
                    break;
                }
                boolean special = segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0
                        || segment.indexOf('\\') >= 0 || segment.indexOf(';') >= 0 || segment.indexOf('%') >= 0;
                out.add(special ? new Segment(Kind.ONE, null) : new Segment(Kind.LITERAL, segment));
            }
            return out.toArray(Segment[]::new);
        }

        /** A tree of pattern shapes, one level per segment. */
        static final class Node {
            private final Map<String, Node> literal = new HashMap<>();
            private Node one;
            /** mappings with a pattern that ends at this node */
            private final List<RequestMappingInfo> ends = new ArrayList<>();
            /** mappings with a pattern that matches any rest from this node (and those always asked, at the root) */
            private final List<RequestMappingInfo> rest = new ArrayList<>();
            private RequestMappingInfo[] endsArray = new RequestMappingInfo[0];
            private RequestMappingInfo[] restArray = new RequestMappingInfo[0];

            void add(Segment[] shape, int i, RequestMappingInfo info) {
                if (i == shape.length) {
                    ends.add(info);
                    return;
                }
                Segment s = shape[i];
                switch (s.kind()) {
                    case REST -> rest.add(info);
                    case ONE -> {
                        if (one == null) {
                            one = new Node();
                        }
                        one.add(shape, i + 1, info);
                    }
                    case LITERAL -> literal.computeIfAbsent(s.literal(), k -> new Node()).add(shape, i + 1, info);
                }
            }

            void freeze() {
                endsArray = ends.toArray(RequestMappingInfo[]::new);
                restArray = rest.toArray(RequestMappingInfo[]::new);
                literal.values().forEach(Node::freeze);
                if (one != null) {
                    one.freeze();
                }
            }

            RequestMappingInfo[] candidates(String[] path) {
                List<RequestMappingInfo> out = new ArrayList<>(4);
                collect(path, 0, out);
                return out.toArray(RequestMappingInfo[]::new);
            }

            private void collect(String[] path, int i, List<RequestMappingInfo> out) {
                addAll(restArray, out);
                if (i == path.length) {
                    addAll(endsArray, out);
                    if (one != null) {
                        // a last wildcard segment may match the empty text after a trailing separator
                        addAll(one.endsArray, out);
                    }
                    return;
                }
                Node next = literal.get(path[i]);
                if (next != null) {
                    next.collect(path, i + 1, out);
                }
                if (one != null) {
                    one.collect(path, i + 1, out);
                }
            }

            private static void addAll(RequestMappingInfo[] infos, List<RequestMappingInfo> out) {
                for (RequestMappingInfo info : infos) {
                    boolean seen = false;
                    for (RequestMappingInfo o : out) {
                        if (o == info) {
                            seen = true;
                            break;
                        }
                    }
                    if (!seen) {
                        out.add(info);
                    }
                }
            }
        }
    }
}
