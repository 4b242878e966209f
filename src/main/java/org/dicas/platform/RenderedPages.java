package org.dicas.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.server.PathContainer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Pages rendered once and served again while nothing changed (ADR 0048). A page whose handler is marked
 * {@link CachedPage} is kept, as the bytes that were sent, for the session that asked, its address and its language;
 * the same request of the same session gets those bytes again, unrendered, while
 * <ul>
 * <li>the database's write-ahead log has not moved since before the page's first read — any committed change by
 * anyone, on any node sharing the database (a record, a marking, an authorization, a user, a notice, the session's
 * own attributes), moves it, so a copy is never older than the last committed write — and this node has not forgotten
 * anything it keeps in memory in place of the database since then ({@link KeptInMemory}: a page rendered from a list
 * kept before a change it had not yet heard of is not served after it heard);</li>
 * <li>the page is younger than {@link #LONGEST_KEPT} by the application's clock (for what a page says about "now":
 * upcoming, overdue, today);</li>
 * <li>the session has no message waiting to be shown (a flash after a change), and the request does not ask for a fresh
 * page ({@code Cache-Control: no-cache}, as a browser's reload without its cache sends).</li>
 * </ul>
 * The request still passes every security filter before the copy is looked up (sign-in, the session, the sign-in
 * notice), so a copy is only ever served to the session it was rendered for, once that session is again allowed the
 * address. The CSRF token in a copy is replaced by the request's own (masked afresh for every response, as a rendered
 * page's is). Only a whole, successful HTML page (200, no cookie set) is kept.
 */
@Configuration(proxyBeanMethods = false)
class RenderedPages implements WebMvcConfigurer, HandlerInterceptor {

    /** The longest a copy is served, by the application's clock, however quiet the database. */
    static final Duration LONGEST_KEPT = Duration.ofSeconds(30);

    private static final String CAPTURE = RenderedPages.class.getName() + ".capture";
    private static final String POSITION = RenderedPages.class.getName() + ".position";

    /** The database's position read at the start of a request, and when (the application's clock). */
    private record Position(String log, Instant at) {
        LocalDate today(Clock clock) {
            return LocalDate.ofInstant(at, clock.getZone());
        }
    }
    private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

    /** What a page may differ by, besides the database and the clock. */
    private record Key(String session, String reader, String uri, String query, String accept, String languages) {
    }

    /**
     * A page as sent: the database's position read before the request's first read, when it was rendered (its date
     * is the releasability policy's today: authorizations start and end by date), its type,
     * the headers its handler and view set, and its bytes cut where the CSRF token stood.
     */
    private record Copy(String position, Instant renderedAt, String contentType, Locale locale,
                        Map<String, List<String>> headers, List<byte[]> parts, int length) {
    }

    private final WriteAheadLog log;
    private final ObjectProvider<KeptInMemory> kept;
    /** What this node keeps in memory in place of the database, found at the first request. */
    private volatile List<KeptInMemory> keepers;
    private final Clock clock;
    private final ApplicationContext context;
    private final boolean enabled;
    /** The path patterns of the handlers marked {@link CachedPage}, found at the first request. */
    private volatile List<PathPattern> cachedPaths;
    private final Cache<Key, Copy> copies;
    private final Counter served;
    private final Counter rendered;

    RenderedPages(WriteAheadLog log, Clock clock, MeterRegistry meters, ApplicationContext context,
                  ObjectProvider<KeptInMemory> kept,
                  @Value("${dicas.pages.cache.enabled:true}") boolean enabled,
                  @Value("${dicas.pages.cache.max-megabytes:64}") long maxMegabytes) {
        this.log = log;
        this.kept = kept;
        this.clock = clock;
        this.context = context;
        this.enabled = enabled;
        this.copies = Caffeine.newBuilder().maximumWeight(maxMegabytes * 1024 * 1024)
                .weigher((Key k, Copy c) -> c.length() + 512).expireAfterWrite(LONGEST_KEPT).build();
        this.served = Counter.builder("dicas.pages.copies").tag("outcome", "served")
                .description("pages served again from their rendered copy").register(meters);
        this.rendered = Counter.builder("dicas.pages.copies").tag("outcome", "rendered")
                .description("cacheable pages rendered (first request, or the copy was out of date)").register(meters);
    }

    /**
     * Reads the database's position for a request that may be served from or kept as a copy, before anything else of
     * the request reads the database — before Spring Session reads the session (its language, its CSRF token, the
     * reader) and before the security chain reads the account: everything the page shows was read after it.
     */
    @Bean
    FilterRegistrationBean<Filter> renderedPagesPosition() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            if (enabled && "GET".equals(http.getMethod()) && http.getHeader("Cookie") != null
                    && !asksForAFreshPage(http) && isCachedPage(http)) {
                long generations = generations(); // read before the position: a forgetting after it moves them
                log.position().ifPresent(position -> http.setAttribute(POSITION,
                        new Position(position + "/" + generations, clock.instant())));
            }
            chain.doFilter(request, response);
        });
        registration.setName("renderedPagesPosition");
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> renderedPagesFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                (request, response, chain) -> filter((HttpServletRequest) request, (HttpServletResponse) response,
                        chain));
        registration.setName("renderedPages");
        registration.setOrder(0); // after Spring Security's chain (-100): a copy is served only to an admitted request
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /**
     * The sum of the generations of what this node keeps in memory ({@link KeptInMemory}): each only moves up, so the
     * sum moves whenever any one forgets. A page rendered from what a node kept is filed under it with the database's
     * position, and served again only while both are unchanged.
     */
    private long generations() {
        List<KeptInMemory> k = keepers;
        if (k == null) {
            keepers = k = kept.orderedStream().toList();
        }
        long sum = 0;
        for (KeptInMemory keeper : k) {
            sum += keeper.generation();
        }
        return sum;
    }

    /** The handler is known: only a page marked {@link CachedPage} is held to be kept. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(CAPTURE) instanceof Capture capture && handler instanceof HandlerMethod method
                && method.hasMethodAnnotation(CachedPage.class)
                && request.getAttribute(POSITION) instanceof Position position) {
            capture.begin(position);
        }
        return true;
    }

    /** Whether the request's path is one of a handler marked {@link CachedPage} (its handler is checked again). */
    private boolean isCachedPage(HttpServletRequest request) {
        List<PathPattern> paths = cachedPaths;
        if (paths == null) {
            List<PathPattern> found = new ArrayList<>();
            context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                    mapping.getHandlerMethods().forEach((info, method) -> {
                        if (method.hasMethodAnnotation(CachedPage.class) && info.getPathPatternsCondition() != null) {
                            found.addAll(info.getPathPatternsCondition().getPatterns());
                        }
                    }));
            cachedPaths = paths = List.copyOf(found);
        }
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        for (PathPattern pattern : paths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Position position = request.getAttribute(POSITION) instanceof Position p ? p : null;
        Key key = position == null ? null : key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!messageWaiting(request)) {
            Copy copy = copies.getIfPresent(key);
            if (copy != null && serve(copy, position, request, response)) {
                return;
            }
        }
        Set<String> before = new HashSet<>(response.getHeaderNames());
        Capture capture = new Capture(response);
        request.setAttribute(CAPTURE, capture);
        try {
            chain.doFilter(request, capture);
        } finally {
            request.removeAttribute(CAPTURE);
        }
        // a page that failed left nothing here to send: what was held is dropped and the error is answered as usual
        byte[] body = capture.body();
        if (body != null) {
            keep(key, capture, body, before, request);
            if (!response.isCommitted()) {
                response.setContentLength(body.length);
            }
            response.getOutputStream().write(body);
        }
    }

    /**
     * The request's key when it may be served from or kept as a copy: a signed-in session's request whose position was
     * read (a GET of a cached page's path, not a reload).
     */
    private static Key key(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Principal reader = request.getUserPrincipal();
        if (session == null || reader == null) {
            return null;
        }
        return new Key(session.getId(), reader.getName(), request.getRequestURI(), request.getQueryString(),
                request.getHeader("Accept"), request.getHeader("Accept-Language"));
    }

    private static boolean asksForAFreshPage(HttpServletRequest request) {
        String control = request.getHeader("Cache-Control");
        String pragma = request.getHeader("Pragma");
        return control != null && (control.contains("no-cache") || control.contains("max-age=0"))
                || pragma != null && pragma.contains("no-cache");
    }

    /** A flash (the sentence after a change) waits in the session: the page must be rendered to show it. */
    private static boolean messageWaiting(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(FLASH_MAPS) instanceof Collection<?> maps && !maps.isEmpty();
    }

    private boolean serve(Copy copy, Position now, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!now.log().equals(copy.position()) || !now.today(clock).equals(LocalDate.ofInstant(copy.renderedAt(), clock.getZone()))
                || now.at().isBefore(copy.renderedAt()) || !now.at().isBefore(copy.renderedAt().plus(LONGEST_KEPT))) {
            return false;
        }
        byte[] token = null;
        if (copy.parts().size() > 1) {
            if (!(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf)) {
                return false;
            }
            token = csrf.getToken().getBytes(StandardCharsets.US_ASCII);
        }
        served.increment(); // counted before the bytes go out: a client that has the page sees it counted
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(copy.contentType());
        if (copy.locale() != null) {
            response.setLocale(copy.locale()); // Content-Language, which the container keeps apart from the headers
        }
        copy.headers().forEach((name, values) -> {
            response.setHeader(name, values.get(0));
            values.stream().skip(1).forEach(v -> response.addHeader(name, v));
        });
        int length = copy.length() + (token == null ? 0 : token.length * (copy.parts().size() - 1));
        response.setContentLength(length);
        ServletOutputStream out = response.getOutputStream();
        for (int i = 0; i < copy.parts().size(); i++) {
            if (i > 0) {
                out.write(token);
            }
            out.write(copy.parts().get(i));
        }
        return true;
    }

    private void keep(Key key, Capture capture, byte[] body, Set<String> before, HttpServletRequest request) {
        if (capture.position == null) {
            return; // not a page marked cacheable, or the database's position could not be read
        }
        rendered.increment();
        String type = capture.getContentType();
        FlashMap out = RequestContextUtils.getOutputFlashMap(request);
        Map<String, ?> in = RequestContextUtils.getInputFlashMap(request);
        HttpSession session = request.getSession(false);
        if (capture.getStatus() != HttpServletResponse.SC_OK || capture.cookie || type == null
                || !type.startsWith("text/html") || (out != null && !out.isEmpty()) || (in != null && !in.isEmpty())
                || !capture.getHeaders("Set-Cookie").isEmpty() || session == null
                || !session.getId().equals(key.session())) {
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : capture.getHeaderNames()) {
            if (!before.contains(name) && !name.equalsIgnoreCase("Content-Type")
                    && !name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Set-Cookie")) {
                headers.put(name, List.copyOf(capture.getHeaders(name)));
            }
        }
        List<byte[]> parts = List.of(body);
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            parts = cut(body, csrf.getToken().getBytes(StandardCharsets.US_ASCII));
        }
        copies.put(key, new Copy(capture.position.log(), capture.position.at(), type, capture.locale, headers, parts,
                parts.stream().mapToInt(p -> p.length).sum()));
    }

    /** The body cut at every occurrence of the token (the token itself left out). */
    static List<byte[]> cut(byte[] body, byte[] token) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        for (int at = indexOf(body, token, 0); at >= 0 && token.length > 0; at = indexOf(body, token, from)) {
            parts.add(java.util.Arrays.copyOfRange(body, from, at));
            from = at + token.length;
        }
        parts.add(java.util.Arrays.copyOfRange(body, from, body.length));
        return List.copyOf(parts);
    }

    private static int indexOf(byte[] body, byte[] token, int from) {
        outer:
        for (int i = from; i <= body.length - token.length; i++) {
            for (int j = 0; j < token.length; j++) {
                if (body[i + j] != token[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * The response as the page's handler and view see it: passed through untouched until a page marked
     * {@link CachedPage} begins, then its body is held here, to be kept and written once the page is complete.
     */
    static final class Capture extends HttpServletResponseWrapper {

        private Position position;
        private boolean cookie;
        private Locale locale;
        private ByteArrayOutputStream bytes;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        void begin(Position position) {
            this.position = position;
        }

        /** What was written while capturing, or null when nothing was held here. */
        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes == null ? null : bytes.toByteArray();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (position == null) {
                return super.getOutputStream();
            }
            if (writer != null) {
                throw new IllegalStateException("getWriter() has already been called for this response");
            }
            if (stream == null) {
                bytes = new ByteArrayOutputStream(32 * 1024);
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("a page being kept is written synchronously");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (position == null) {
                return super.getWriter();
            }
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has already been called for this response");
            }
            if (writer == null) {
                bytes = new ByteArrayOutputStream(32 * 1024);
                writer = new PrintWriter(new OutputStreamWriter(bytes, Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (position == null) {
                super.flushBuffer();
            } else if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            if (bytes != null) {
                if (writer != null) {
                    writer.flush();
                }
                bytes.reset();
            }
            super.resetBuffer();
        }

        @Override
        public void reset() {
            resetBuffer();
            cookie = false;
            locale = null;
            super.reset();
        }

        @Override
        public void setLocale(Locale locale) {
            this.locale = locale;
            super.setLocale(locale);
        }

        @Override
        public void addCookie(Cookie c) {
            cookie = true;
            super.addCookie(c);
        }
    }
}
