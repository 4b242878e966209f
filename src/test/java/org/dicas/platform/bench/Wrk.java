package org.dicas.platform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link LoadBenchmark}'s targets driven by {@code wrk} ({@code --generator wrk}; Debian: {@code apt install wrk}) instead
 * of the generator in the benchmark's JVM, whose JDK {@code HttpClient} took a third of the two cores in health's
 * window (docs/benchmarks.md, eleventh measurement). Two wrk threads, the same connections, warm-up and interleaved
 * rounds; wrk reports each window's requests, errors (non-2xx/3xx answers and socket errors) and latency percentiles,
 * so a target's req/s is its requests over its seconds of all rounds, and its p50/p99 the median of the rounds'.
 */
final class Wrk {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), "
            + "timeout (\\d+)");

    private Wrk() {
    }

    /** One wrk window. */
    record Window(long requests, double seconds, long errors, double p50Ms, double p99Ms) {
    }

    static List<LoadBenchmark.Result> measure(String base, List<LoadBenchmark.Target> targets, String token,
                                              String cookie, int connections, int warmup, int duration, int rounds)
            throws IOException, InterruptedException {
        for (LoadBenchmark.Target t : targets) {
            run(base, t, token, cookie, connections, Math.max(1, warmup));
        }
        List<List<Window>> windows = new ArrayList<>();
        targets.forEach(t -> windows.add(new ArrayList<>()));
        for (int round = 0; round < Math.max(1, rounds); round++) {
            for (int i = 0; i < targets.size(); i++) {
                windows.get(i).add(run(base, targets.get(i), token, cookie, connections, duration));
            }
        }
        List<LoadBenchmark.Result> results = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            List<Window> w = windows.get(i);
            long ok = w.stream().mapToLong(x -> x.requests() - x.errors()).sum();
            long errors = w.stream().mapToLong(Window::errors).sum();
            double seconds = w.stream().mapToDouble(Window::seconds).sum();
            results.add(new LoadBenchmark.Result(targets.get(i), ok, errors, seconds,
                    median(w.stream().mapToDouble(Window::p50Ms).toArray()),
                    median(w.stream().mapToDouble(Window::p99Ms).toArray())));
        }
        return results;
    }

    static Window run(String base, LoadBenchmark.Target target, String token, String cookie, int connections,
                      int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "10s"));
        if (target.page()) {
            command.addAll(List.of("-H", "Cookie: " + cookie));
            if (target.reload()) {
                command.addAll(List.of("-H", "Cache-Control: no-cache"));
            }
        } else if (!target.path().startsWith("/actuator")) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(base + target.path());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk failed for " + target.path() + ":\n" + out);
        }
        return parse(out);
    }

    static Window parse(String out) {
        Matcher r = REQUESTS.matcher(out);
        if (!r.find()) {
            throw new IllegalStateException("no request count in wrk's output:\n" + out);
        }
        long requests = Long.parseLong(r.group(1));
        double seconds = millis(r.group(2), r.group(3)) / 1000.0;
        long errors = 0;
        Matcher n = NON_2XX.matcher(out);
        if (n.find()) {
            errors += Long.parseLong(n.group(1));
        }
        Matcher s = SOCKET.matcher(out);
        if (s.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(s.group(g));
            }
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher p = PERCENTILE.matcher(out);
        while (p.find()) {
            double ms = millis(p.group(2), p.group(3));
            if (p.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        return new Window(requests, seconds, errors, p50, p99);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> throw new IllegalArgumentException(unit);
        };
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
