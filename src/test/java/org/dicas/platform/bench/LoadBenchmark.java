package org.dicas.platform.bench;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dicas.DicasApplication;
import org.dicas.requirements.FinderModels;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP load benchmark (issue 11, item 5): a closed-loop load generator with a fixed number of connections (64 by
 * default, one platform thread each, as {@code wrk -c 64}) that measures, for each target in turn, requests per
 * second, p50 and p99 latency over a fixed window after a warm-up, and the ratio of the target's requests per second
 * to those of {@code /actuator/health} in the same run.
 *
 * <p>Without {@code --url} it starts the platform itself in this JVM (embedded PostgreSQL in a fresh temporary
 * directory, demo mode, a random port) exactly as the {@code @PlatformTest} tests do; with {@code --url} it targets
 * a running server (which must have the demo users). Started here, it measures only once the finder's first model
 * is trained ({@link #awaitFinderModel}). It signs in as {@code jp.atla}: a bearer token for the API,
 * a form login (with the CSRF token of the login page) and the session cookie for the HTML pages.
 *
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.dicas.platform.bench.LoadBenchmark \
 *   -Dexec.args="--connections 64 --warmup 10 --duration 15"
 * </pre>
 *
 * By default ({@code --rounds 3}) the targets are measured interleaved: every target is first warmed up for
 * {@code --warmup} seconds, then measured in R rounds of {@code --duration} seconds each, every round visiting every
 * target — so that the JIT has compiled every target's path before any is measured, and a change of background load
 * falls on all targets alike. {@code --rounds 1} measures the targets one after the other, each right after its own
 * warm-up (the mode of the first eight measurements in docs/benchmarks.md): health, measured first, then runs
 * while the JIT is still compiling, which made its figure low and every ratio to it high.
 *
 * With {@code --generator wrk} the same targets, windows and rounds are driven by {@code wrk} (two threads; {@link Wrk})
 * instead of by this JVM's {@code HttpClient}, which in health's window takes a third of a two-core machine.
 *
 * Not a test: nothing asserts on wall-clock speed. See docs/benchmarks.md.
 */
public final class LoadBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private LoadBenchmark() {
    }

    /**
     * One target: a name, a path, whether it needs the bearer token (API) or the session cookie (page), and for a page
     * whether it is asked for as a reload does ({@code Cache-Control: no-cache}), so that it is rendered every time
     * instead of served from its kept copy (ADR 0048).
     */
    record Target(String name, String path, boolean page, boolean reload, String target) {
        Target(String name, String path, boolean page, String target) {
            this(name, path, page, false, target);
        }
    }

    /** The figures of one target. */
    record Result(Target target, long ok, long errors, double seconds, double p50Ms, double p99Ms) {
        double perSecond() {
            return ok / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "15"));
        String user = options.getOrDefault("user", "jp.atla");
        String password = options.getOrDefault("password", "demo");
        String only = options.get("only");
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        boolean wrk = "wrk".equals(options.getOrDefault("generator", "java"));

        ConfigurableApplicationContext context = null;
        String base = options.get("url");
        if (base == null) {
            Path dir = Files.createTempDirectory("dicas-load-");
            context = SpringApplication.run(DicasApplication.class,
                    "--server.port=0",
                    "--dicas.data-dir=" + dir,
                    "--dicas.embedded.clean=true",
                    "--dicas.embedded.durable=false",
                    "--dicas.demo=true",
                    "--logging.level.root=WARN",
                    "--server.tomcat.threads.max=" + Math.max(200, connections));
            base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            awaitFinderModel(context);
        }
        base = base.replaceAll("/+$", "");
        try {
            run(base, connections, warmup, duration, rounds, user, password, only, wrk);
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    /**
     * Waits until the finder's first model is trained: the platform trains it on a background thread as soon as it
     * is ready, and a measurement during that training would give health (the first target) a share of the two
     * cores it does not have later (docs/benchmarks.md, sixth measurement). A server given by {@code --url} is not
     * waited for: start measuring it once it has been up for a while.
     */
    static void awaitFinderModel(ConfigurableApplicationContext context) throws InterruptedException {
        FinderModels models = context.getBean(FinderModels.class);
        long start = System.nanoTime();
        long limit = start + 600_000_000_000L;
        while (!models.ready()) {
            if (System.nanoTime() > limit) {
                throw new IllegalStateException("the finder's first model was not trained within 10 minutes");
            }
            Thread.sleep(100);
        }
        System.out.printf(Locale.ROOT, "finder model trained (waited %.1f s before measuring)%n",
                (System.nanoTime() - start) / 1e9);
    }

    private static void run(String base, int connections, int warmup, int duration, int rounds, String user,
                            String password, String only, boolean wrk) throws Exception {
        HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String token = token(api, base, user, password);
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient pages = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        formLogin(pages, base, user, password);

        long[] documents = documents(api, base, token, user);
        long unclassified = documents[0];
        long cui = documents[1];

        List<Target> targets = new ArrayList<>(List.of(
                new Target("health", "/actuator/health", false, "—"),
                new Target("document by id, UNCLASSIFIED", "/api/v1/documents/" + unclassified, false, "≥ 0.6×"),
                new Target("document by id, CUI", "/api/v1/documents/" + cui, false, "≥ 0.6×"),
                new Target("document list", "/api/v1/documents", false, "≥ 0.4×"),
                new Target("search q=ship", "/api/v1/search?q=ship", false, "≥ 0.4×"),
                new Target("page /", "/", true, "≥ 0.3×"),
                new Target("page /working-groups", "/working-groups", true, "≥ 0.3×"),
                new Target("page / (reload: rendered)", "/", true, true, "≥ 0.3×"),
                new Target("page /working-groups (reload: rendered)", "/working-groups", true, true, "≥ 0.3×")));
        if (only != null) {
            List<String> names = Arrays.asList(only.split(","));
            targets.removeIf(t -> !t.path().equals("/actuator/health") && names.stream().noneMatch(
                    n -> n.equals(t.path()) || (n.length() > 1 && t.path().contains(n))));
        }
        System.out.printf(Locale.ROOT, "%s, %s, %d connections, %d s warm-up + %s per target, %d cores, Java %s%n",
                base, wrk ? "generator wrk (2 threads)" : "generator in this JVM", connections, warmup, rounds <= 1 ? duration + " s measured"
                        : rounds + " interleaved rounds of " + duration + " s measured",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        List<HttpRequest> requests = new ArrayList<>();
        for (Target t : targets) {
            HttpRequest request = t.page() && t.reload()
                    ? HttpRequest.newBuilder(URI.create(base + t.path())).header("Cache-Control", "no-cache").GET().build()
                    : t.page()
                    ? HttpRequest.newBuilder(URI.create(base + t.path())).GET().build()
                    : get(base + t.path(), token);
            HttpResponse<String> probe = send(t.page() ? pages : api, request);
            if (probe.statusCode() != 200) {
                throw new IllegalStateException(t.path() + " answered " + probe.statusCode());
            }
            requests.add(request);
        }
        List<Result> results = new ArrayList<>();
        if (wrk) {
            String cookie = String.join("; ", cookies.getCookieStore().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).toList());
            results.addAll(Wrk.measure(base, targets, token, cookie, connections, warmup, duration, rounds));
            results.forEach(LoadBenchmark::print);
        } else if (rounds <= 1) {
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                Result r = measure(t, t.page() ? pages : api, requests.get(i), connections, warmup, duration).result();
                results.add(r);
                print(r);
            }
        } else {
            // Interleaved: every target is warmed up once, then measured in short slices, round after round, so
            // that a change of background load on the machine falls on every target alike.
            List<Samples> samples = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                samples.add(measure(t, t.page() ? pages : api, requests.get(i), connections, warmup, 0));
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < targets.size(); i++) {
                    Target t = targets.get(i);
                    samples.set(i, samples.get(i).plus(
                            measure(t, t.page() ? pages : api, requests.get(i), connections, 1, duration)));
                }
            }
            for (Samples sample : samples) {
                Result r = sample.result();
                results.add(r);
                print(r);
            }
        }
        double health = results.get(0).perSecond();
        System.out.println();
        System.out.println("| target | path | req/s | p50 ms | p99 ms | ratio to health | issue target |");
        System.out.println("|---|---|---:|---:|---:|---:|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | `%s` | %,.0f | %.1f | %.1f | %.2f× | %s |%n", r.target().name(),
                    r.target().path().replaceAll("/\\d+$", "/{id}"), r.perSecond(), r.p50Ms(), r.p99Ms(),
                    r.perSecond() / health, r.target().target());
        }
    }

    static void print(Result r) {
        System.out.printf(Locale.ROOT, "  %-30s %9.1f req/s  p50 %7.2f ms  p99 %7.2f ms  (%d errors)%n",
                r.target().name(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.errors());
    }

    /** The latencies (ns) of the answered requests of one or more measuring windows of a target. */
    record Samples(Target target, long[] latencies, long errors, double seconds) {
        Samples plus(Samples more) {
            long[] all = Arrays.copyOf(latencies, latencies.length + more.latencies.length);
            System.arraycopy(more.latencies, 0, all, latencies.length, more.latencies.length);
            return new Samples(target, all, errors + more.errors, seconds + more.seconds);
        }

        Result result() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return new Result(target, sorted.length, errors, seconds, percentile(sorted, 0.50),
                    percentile(sorted, 0.99));
        }
    }

    /** Closed loop: every connection sends its next request when the previous one has answered. */
    private static Samples measure(Target target, HttpClient client, HttpRequest request, int connections, int warmup,
                                  int duration) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + duration * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            int slot = c;
            Thread worker = new Thread(() -> {
                long[] mine = new long[4096];
                int n = 0;
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        boolean ok;
                        try {
                            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                            ok = response.statusCode() == 200;
                        } catch (Exception e) {
                            ok = false;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            if (!ok) {
                                errors.incrementAndGet();
                            } else {
                                if (n == mine.length) {
                                    mine = Arrays.copyOf(mine, n * 2);
                                }
                                mine[n++] = t1 - t0;
                            }
                        }
                    }
                } finally {
                    latencies[slot] = mine;
                    counts[slot] = n;
                    done.countDown();
                }
            }, "load-" + target.name() + "-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        return new Samples(target, all, errors.get(), duration);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** The first UNCLASSIFIED and the first CUI document the user may read. */
    static long[] documents(HttpClient api, String base, String token, String user) throws Exception {
        JsonNode list = JsonMapper.shared().readTree(send(api, get(base + "/api/v1/documents?size=200", token)).body());
        Long unclassified = null;
        Long cui = null;
        for (JsonNode item : list.get("items")) {
            JsonNode m = item.get("marking");
            String marking = m.isString() ? m.asString() : m.toString();
            long id = item.get("id").asLong();
            if (unclassified == null && marking.contains("UNCLASSIFIED")) {
                unclassified = id;
            } else if (cui == null && marking.contains("CUI")) {
                cui = id;
            }
        }
        if (unclassified == null || cui == null) {
            throw new IllegalStateException("need an UNCLASSIFIED and a CUI document readable by " + user
                    + ", got " + unclassified + " and " + cui);
        }
        return new long[] {unclassified, cui};
    }

    static String token(HttpClient client, String base, String user, String password) throws Exception {
        String body = JsonMapper.shared().writeValueAsString(Map.of("username", user, "password", password));
        HttpResponse<String> response = send(client, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
        }
        return JsonMapper.shared().readTree(response.body()).get("token").asString();
    }

    static void formLogin(HttpClient client, String base, String user, String password) throws Exception {
        String page = send(client, HttpRequest.newBuilder(URI.create(base + "/login")).GET().build()).body();
        if (page.contains("action=\"/login/notice\"")) {
            // the notice and consent comes first (issue 15, point 8)
            Matcher n = CSRF.matcher(page);
            if (!n.find()) {
                throw new IllegalStateException("no _csrf input on the sign-in notice");
            }
            send(client, HttpRequest.newBuilder(URI.create(base + "/login/notice"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(n.group(1) != null ? n.group(1) : n.group(2))))
                    .build());
            page = send(client, HttpRequest.newBuilder(URI.create(base + "/login")).GET().build()).body();
        }
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no _csrf input on the login page");
        }
        String csrf = m.group(1) != null ? m.group(1) : m.group(2);
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        HttpResponse<String> response = send(client, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("form login: " + response.statusCode() + " " + location);
        }
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--url http://host:port] [--connections 64] [--warmup 10]"
                        + " [--duration 15] [--rounds 1] [--user jp.atla] [--password demo] [--only path,path]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
