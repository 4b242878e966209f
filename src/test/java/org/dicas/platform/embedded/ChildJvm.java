package org.dicas.platform.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A JVM on this test's class path running {@link AcknowledgingWriter}, read line by line, killed with SIGKILL. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final Deque<String> lastLines = new ArrayDeque<>();

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "child-jvm-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm run(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m", AcknowledgingWriter.class.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(Long.parseLong(line.substring(4).trim()));
                } else {
                    synchronized (lastLines) {
                        lastLines.addLast(line);
                        if (lastLines.size() > 40) {
                            lastLines.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // killed
        }
    }

    /** Waits until {@code condition} holds, failing with the child's last lines when it does not within {@code wait}. */
    void await(String what, BooleanSupplier condition, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || !process.isAlive() && !condition.getAsBoolean()) {
                throw new AssertionError("child JVM: no " + what + " within " + wait + " (alive: " + process.isAlive()
                        + "); its last lines:\n" + lastLines());
            }
            PostgresProcesses.pause(Duration.ofMillis(5));
        }
    }

    String lastLines() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    /** SIGKILL: no shutdown hook, no clean stop of anything the child started. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child JVM did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
