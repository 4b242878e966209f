package org.dicas.platform.bench;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dicas.DicasApplication;
import org.dicas.support.RequestCosts;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What one request of each load-benchmark target costs the server (issue 11, fifth pass), measured so that other
 * load on the machine does not change the figures: SQL statements, transactions and pooled connections per request
 * (counted), and the CPU time and allocation of the thread that serves it ({@link RequestCosts}). Requests are sent
 * one after the other by one client, every target warmed up and measured in interleaved slices; the figures are medians (CPU, allocation) and the counts of
 * the last request (counts are the same for every request of a target once warm).
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.dicas.platform.bench.RequestCostBenchmark \
 *   --warmup 1500 --requests 1500 [--only /,working-groups] [--extra /settings,/notifications] [--sql true]
 * </pre>
 *
 * Health is always measured (first), and every target's median CPU is also printed as a multiple of health's. The
 * measuring starts once the finder's first model is trained ({@link LoadBenchmark#awaitFinderModel}).
 *
 * Not a test: nothing asserts on speed. See docs/benchmarks.md.
 */
public final class RequestCostBenchmark {

    private RequestCostBenchmark() {
    }

    record Target(String name, String path, boolean page) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LoadBenchmark.options(args);
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "1500"));
        int perTarget = Integer.parseInt(options.getOrDefault("requests", "1500"));
        boolean sql = Boolean.parseBoolean(options.getOrDefault("sql", "false"));
        String only = options.get("only");
        String user = "jp.atla";
        String password = "demo";

        Path dir = Files.createTempDirectory("dicas-cost-");
        SpringApplication application = new SpringApplication(DicasApplication.class, RequestCosts.Counting.class);
        try (ConfigurableApplicationContext context = application.run("--server.port=0", "--dicas.data-dir=" + dir,
                "--dicas.embedded.clean=true", "--dicas.embedded.durable=false", "--dicas.demo=true",
                "--logging.level.root=WARN")) {
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            LoadBenchmark.awaitFinderModel(context);
            RequestCosts costs = context.getBean(RequestCosts.class);
            costs.keepSql(sql);
            costs.countFromNowOn();

            HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String token = LoadBenchmark.token(api, base, user, password);
            HttpClient pages = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            LoadBenchmark.formLogin(pages, base, user, password);
            long[] documents = LoadBenchmark.documents(api, base, token, user);

            List<Target> targets = new ArrayList<>(List.of(
                    new Target("health", "/actuator/health", false),
                    new Target("document by id, UNCLASSIFIED", "/api/v1/documents/" + documents[0], false),
                    new Target("document by id, CUI", "/api/v1/documents/" + documents[1], false),
                    new Target("document list", "/api/v1/documents", false),
                    new Target("search q=ship", "/api/v1/search?q=ship", false),
                    new Target("page /", "/", true),
                    new Target("page /working-groups", "/working-groups", true)));
            if (options.get("extra") != null) {
                for (String path : options.get("extra").split(",")) {
                    targets.add(new Target("page " + path, path, true));
                }
            }
            if (only != null) {
                List<String> names = new ArrayList<>(Arrays.asList(only.split(",")));
                if (options.get("extra") != null) {
                    names.addAll(Arrays.asList(options.get("extra").split(",")));
                }
                // health stays: every CPU figure is read as a multiple of health's in the same run
                targets.removeIf(t -> !t.path().equals("/actuator/health") && names.stream().noneMatch(
                        n -> t.path().equals(n) || (n.length() > 1 && t.path().contains(n))));
            }
            System.out.printf(Locale.ROOT, "%d warm-up + %d measured requests per target, one after the other%n%n",
                    warmup, perTarget);
            System.out.println("| target | statements | transactions | connections | CPU µs (median) | CPU µs (mean) "
                    + "| CPU × health's (median) | KB allocated (median) |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            List<HttpRequest> requests = new ArrayList<>();
            for (Target t : targets) {
                requests.add(t.page() ? HttpRequest.newBuilder(URI.create(base + t.path())).GET().build()
                        : LoadBenchmark.get(base + t.path(), token));
            }
            // every target is warmed up and measured in ten interleaved slices, so that the JIT's state is the same
            // for all of them and none is measured cold
            int slices = 10;
            for (int slice = 0; slice < slices; slice++) {
                for (int i = 0; i < targets.size(); i++) {
                    for (int n = 0; n < warmup / slices; n++) {
                        answer(targets.get(i).page() ? pages : api, requests.get(i));
                    }
                }
            }
            costs.clear();
            for (int slice = 0; slice < slices; slice++) {
                for (int i = 0; i < targets.size(); i++) {
                    for (int n = 0; n < perTarget / slices; n++) {
                        answer(targets.get(i).page() ? pages : api, requests.get(i));
                    }
                }
            }
            List<RequestCosts.Cost> all = costs.recorded();
            List<RequestCosts.Cost> examples = new ArrayList<>();
            double healthCpu = Double.NaN;
            for (Target t : targets) {
                List<RequestCosts.Cost> measured = all.stream().filter(c -> c.uri().equals(t.path())).toList();
                long[] cpu = measured.stream().mapToLong(RequestCosts.Cost::cpuNanos).sorted().toArray();
                long[] bytes = measured.stream().mapToLong(RequestCosts.Cost::allocatedBytes).sorted().toArray();
                RequestCosts.Cost last = measured.get(measured.size() - 1);
                examples.add(last);
                double median = cpu[cpu.length / 2];
                if (t.path().equals("/actuator/health")) {
                    healthCpu = median;
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %,.0f | %,.0f | %.2f× | %,.0f |%n", t.name(),
                        last.statements(), last.transactions(), last.connections(), median / 1e3,
                        Arrays.stream(cpu).average().orElse(0) / 1e3, median / healthCpu,
                        bytes[bytes.length / 2] / 1024.0);
            }
            if (sql) {
                for (RequestCosts.Cost c : examples) {
                    System.out.println();
                    System.out.println(c.uri() + ":");
                    c.sql().forEach(s -> System.out.println("  " + s.replaceAll("\\s+", " ")));
                }
            }
        }
    }

    private static void answer(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = LoadBenchmark.send(client, request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
    }
}
