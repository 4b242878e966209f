package org.dicas.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.dicas.DicasApplication;
import org.dicas.platform.embedded.ClusterSettings;
import org.dicas.platform.embedded.EmbeddedCluster;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several application nodes in this JVM sharing one PostgreSQL, as an operator runs them behind a load balancer:
 * one embedded PostgreSQL server (not durable, for speed) that every node uses as its <em>external</em> database
 * ({@code spring.datasource.url}), each node with its own data folder (search index) and its own HTTP port. Start
 * nodes one by one ({@link #node}) or together on the empty database ({@link #together}); {@link #close} stops the
 * nodes that are still running, then the server, and deletes every folder.
 */
public final class Nodes implements AutoCloseable {

    /** One running node: its Spring context and the base URL of its HTTP port. */
    public record Node(String name, ConfigurableApplicationContext context, String baseUrl) implements AutoCloseable {

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        /** The HTTP port (the base URL's). */
        public int port() {
            return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
        }

        public boolean running() {
            return context.isActive();
        }

        /** Stops the node as a clean shutdown would (SIGTERM). */
        @Override
        public void close() {
            context.close();
        }
    }

    private final Path root;
    private final EmbeddedCluster database;
    private final List<Node> started = new ArrayList<>();
    private final List<String> common = new ArrayList<>();

    private Nodes(Path root, EmbeddedCluster database) {
        this.root = root;
        this.database = database;
    }

    /** An empty database, no node yet. */
    public static Nodes onEmptyDatabase() {
        return onEmptyDatabase(settings -> settings);
    }

    /** An empty database whose server settings {@code adjust} changes (e.g. another PostgreSQL version), no node yet. */
    public static Nodes onEmptyDatabase(UnaryOperator<ClusterSettings> adjust) {
        try {
            Path root = Files.createTempDirectory("dicas-nodes-");
            EmbeddedCluster db = EmbeddedCluster.start(adjust.apply(ClusterSettings.of(root.resolve("postgres"))
                    .withDurable(false).withServerConfig("timezone", "UTC").withServerConfig("max_connections", "100")),
                    reason -> { });
            return new Nodes(root, db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return database.jdbcUrl("postgres");
    }

    public EmbeddedCluster database() {
        return database;
    }

    /**
     * Starts a node in demo mode on the shared database; {@code properties} ({@code name=value}) are added to or
     * override the defaults. A node started again under the same name keeps its data folder (a restart).
     */
    public Node node(String name, String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--dicas.data-dir=" + root.resolve(name),
                "--dicas.demo=true",
                "--spring.main.banner-mode=off",
                "--spring.application.name=dicas-" + name));
        Stream.concat(common.stream(), Stream.of(properties)).map(p -> "--" + p).forEach(args::add);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(DicasApplication.class)
                .listeners(new LoggingSetUpGate(true), new LoggingSetUpGate(false))
                .run(args.toArray(String[]::new));
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        Node node = new Node(name, ctx, "http://127.0.0.1:" + port);
        synchronized (started) {
            started.add(node);
        }
        return node;
    }

    /** Starts the named nodes at the same moment (each on its own thread) and waits for all; the first failure is thrown. */
    public List<Node> together(String... names) {
        ExecutorService pool = Executors.newFixedThreadPool(names.length);
        try {
            List<CompletableFuture<Node>> starts = Stream.of(names)
                    .map(n -> CompletableFuture.supplyAsync(() -> node(n), pool)).toList();
            List<Node> nodes = new ArrayList<>();
            for (CompletableFuture<Node> s : starts) {
                nodes.add(s.get());
            }
            return nodes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a node failed to start: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** Adds {@code name=value} properties to every node started from now on (also by {@link #together}). */
    public Nodes with(String... properties) {
        common.addAll(List.of(properties));
        return this;
    }

    @Override
    public void close() {
        synchronized (started) {
            started.stream().filter(Node::running).forEach(Node::close);
        }
        database.close();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Spring Boot (re)configures the JVM's one logging system while a context starts; two contexts doing that at the
     * same moment in one JVM fail with a ConcurrentModificationException inside Logback. Nodes started together take
     * turns for that step only (a lock taken just before Boot's logging listener, released just after it); the rest
     * of their start-up — demo data, Flyway, the first administrator — still races as on two machines.
     */
    private static final class LoggingSetUpGate
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        private static final ReentrantLock LOGGING = new ReentrantLock();
        private final boolean before;

        LoggingSetUpGate(boolean before) {
            this.before = before;
        }

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            if (before) {
                LOGGING.lock();
            } else if (LOGGING.isHeldByCurrentThread()) {
                LOGGING.unlock();
            }
        }

        @Override
        public int getOrder() {
            return before ? LoggingApplicationListener.DEFAULT_ORDER - 1 : LoggingApplicationListener.DEFAULT_ORDER + 1;
        }
    }
}
