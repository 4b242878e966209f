package org.dicas.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What one HTTP request costs the server, counted structurally: the SQL statements it sends, the transactions it
 * ends, the pooled connections it borrows — each counted on the thread that serves the request, from the first
 * filter (before Spring Session and Spring Security) to the last byte of the answer — and the CPU time and the bytes
 * that thread allocates meanwhile. Counts do not depend on how busy the machine is; CPU time depends on it far less
 * than wall-clock time does.
 *
 * <p>Every {@link org.dicas.PlatformTest} context has it (the tests share that context), switched off: a test that
 * counts switches it on for its own requests ({@link #countFromNowOn}, then {@link #stopCounting}); a benchmark adds
 * {@link Counting} as a source of its application and switches it on the same way. The counting wraps the platform's
 * {@link DataSource} and adds one outermost filter; switched off, the filter passes each request straight on and the
 * data source hands out the pool's own connections, unwrapped, so the other tests pay nothing for it.
 * Work a request hands to another thread (the batched audit of CUI reads) is not counted here.
 */
public final class RequestCosts {

    /** The cost of one request. */
    public record Cost(String method, String uri, int status, int statements, int transactions, int connections,
                       long cpuNanos, long allocatedBytes, List<String> sql) {
    }

    private static final ThreadLocal<Counter> ACTIVE = new ThreadLocal<>();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final ConcurrentLinkedDeque<Cost> recorded = new ConcurrentLinkedDeque<>();
    /** How many are recorded (the deque's own size() walks all of it: 7 % of a profiled page's samples). */
    private final AtomicInteger size = new AtomicInteger();
    private volatile boolean keepSql = true;
    private volatile boolean counting;

    /** Counts every request from now on (until {@link #stopCounting}), forgetting those counted before. */
    public void countFromNowOn() {
        recorded.clear();
        counting = true;
    }

    /** Passes every request straight on again, counting nothing, and forgets those counted. */
    public void stopCounting() {
        counting = false;
        recorded.clear();
    }

    /** The requests counted so far, oldest first (at most the last 10,000). */
    public List<Cost> recorded() {
        return new ArrayList<>(recorded);
    }

    /** The last counted request to this URI (path and query). */
    public Cost last(String uri) {
        return recorded.stream().filter(c -> c.uri().equals(uri)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no request to " + uri + " was counted"));
    }

    /**
     * Waits, at most 10 s, until {@code count} requests to this URI are counted: a request is counted once its last
     * byte has gone out, so its client may read the answer, and ask for its cost, a moment before.
     */
    public void awaitCounted(String uri, int count) throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (recorded.stream().filter(c -> c.uri().equals(uri)).count() < count) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(count + " requests to " + uri + " were not counted within 10 s");
            }
            Thread.sleep(5);
        }
    }

    public void clear() {
        recorded.clear();
        size.set(0);
    }

    /** Whether each request's SQL texts are kept (for tests); benchmarks switch it off. */
    public void keepSql(boolean keep) {
        this.keepSql = keep;
    }

    private static final class Counter {
        int statements;
        int transactions;
        int connections;
        final List<String> sql = new ArrayList<>();
    }

    private static void counted(String sql) {
        Counter c = ACTIVE.get();
        if (c != null) {
            c.statements++;
            c.sql.add(sql);
        }
    }

    /** The counting: a wrapped data source and the outermost filter. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Counting {

        @Bean
        RequestCosts requestCosts() {
            return new RequestCosts();
        }

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())
                            ? proxy(DataSource.class, ds, RequestCosts::dataSourceCall) : bean;
                }
            };
        }

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> requestCostFilter(RequestCosts costs) {
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                    new OncePerRequestFilter() {
                        @Override
                        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                        FilterChain chain) throws ServletException, IOException {
                            if (costs.counting) {
                                costs.count(request, response, chain);
                            } else {
                                chain.doFilter(request, response);
                            }
                        }
                    });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    private void count(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Counter counter = new Counter();
        ACTIVE.set(counter);
        long cpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        try {
            chain.doFilter(request, response);
            response.flushBuffer();
        } finally {
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
            long bytes = THREADS.getCurrentThreadAllocatedBytes() - allocated;
            ACTIVE.remove();
            String uri = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            recorded.add(new Cost(request.getMethod(), uri, response.getStatus(), counter.statements,
                    counter.transactions, counter.connections, cpuNanos, bytes,
                    keepSql ? List.copyOf(counter.sql) : List.of()));
            if (size.incrementAndGet() > 10_000 && recorded.pollFirst() != null) {
                size.decrementAndGet();
            }
        }
    }

    // ------------------------------------------------------------------------------------------- the JDBC proxies

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        return (T) Proxy.newProxyInstance(RequestCosts.class.getClassLoader(), new Class<?>[] {type},
                (InvocationHandler) (p, method, args) -> handler.invoke(target, method, args));
    }

    private interface Handler {
        Object invoke(Object target, Method method, Object[] args) throws Throwable;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object dataSourceCall(Object target, Method method, Object[] args) throws Throwable {
        Object result = call(target, method, args);
        Counter counter = ACTIVE.get();
        if (result instanceof Connection c && method.getName().equals("getConnection") && counter != null) {
            // only a counted request's connections are watched: what it sends is all that counts
            counter.connections++;
            return proxy(Connection.class, c, RequestCosts::connectionCall);
        }
        return result;
    }

    private static Object connectionCall(Object target, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("commit") || name.equals("rollback")) {
            Counter counter = ACTIVE.get();
            if (counter != null) {
                counter.transactions++;
            }
        }
        Object result = call(target, method, args);
        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
        if (result instanceof CallableStatement s) {
            return proxy(CallableStatement.class, s, statementCall(sql));
        } else if (result instanceof PreparedStatement s) {
            return proxy(PreparedStatement.class, s, statementCall(sql));
        } else if (result instanceof Statement s) {
            return proxy(Statement.class, s, statementCall(null));
        }
        return result;
    }

    private static Handler statementCall(String prepared) {
        return (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                counted(args != null && args.length > 0 && args[0] instanceof String s ? s : prepared);
            }
            return call(target, method, args);
        };
    }
}
