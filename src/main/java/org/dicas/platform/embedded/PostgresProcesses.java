package org.dicas.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL programs ({@code postgres}, {@code initdb}, {@code pg_ctl}) at work on a folder, found through
 * {@code /proc}: their working directory is in the folder (the server and every one of its processes change into
 * their data folder) or the folder is one of their arguments ({@code initdb -D …}). Other programs, such as a shell
 * that happens to be in the folder, are never touched.
 */
final class PostgresProcesses {

    private static final Logger log = LoggerFactory.getLogger(PostgresProcesses.class);
    private static final Set<String> PROGRAMS = Set.of("postgres", "initdb", "pg_ctl");
    static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    private PostgresProcesses() {
    }

    static List<ProcessHandle> at(Path folder) {
        Path real = real(folder);
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && isPostgresProgram(p) && (workingIn(p, real) || named(p, folder, real)))
                .toList();
    }

    /** Whether {@code pid} is a PostgreSQL program at work on {@code folder}. */
    static Optional<ProcessHandle> at(Path folder, long pid) {
        Path real = real(folder);
        return ProcessHandle.of(pid).filter(p -> isPostgresProgram(p) && (workingIn(p, real) || named(p, folder, real)));
    }

    /**
     * Stops a server: fast shutdown (SIGINT: open transactions are rolled back, a checkpoint is written), then
     * immediate shutdown (SIGQUIT: recovery at the next start) and last SIGKILL, each step waiting a bounded time.
     *
     * @return whether it is gone
     */
    static boolean stop(ProcessHandle server, Duration fastShutdown) {
        signal(server, "INT");
        if (awaitExit(server, fastShutdown)) {
            return true;
        }
        log.warn("PostgreSQL (pid {}) did not finish a fast shutdown within {}; sending SIGQUIT (immediate shutdown)",
                server.pid(), fastShutdown);
        signal(server, "QUIT");
        if (awaitExit(server, EXIT_WAIT)) {
            return true;
        }
        log.warn("PostgreSQL (pid {}) did not stop after SIGQUIT; killing it", server.pid());
        server.destroyForcibly();
        return awaitExit(server, EXIT_WAIT);
    }

    /** Kills every PostgreSQL program on {@code folder} (for scratch folders, whose content is thrown away). */
    static void kill(Path folder) {
        for (ProcessHandle p : at(folder)) {
            log.info("Killing PostgreSQL program (pid {}) left at work on {}", p.pid(), folder);
            p.destroyForcibly();
            awaitExit(p, EXIT_WAIT);
        }
    }

    /** Waits for the processes still on {@code folder} to end by themselves, then kills those that did not. */
    static void awaitOrKill(Path folder, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<ProcessHandle> left = at(folder);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(100));
            left = at(folder);
        }
        for (ProcessHandle p : left) {
            log.warn("PostgreSQL process (pid {}) is still at work on {} after {}; killing it", p.pid(), folder, wait);
            p.destroyForcibly();
            awaitExit(p, EXIT_WAIT);
        }
    }

    static boolean awaitExit(ProcessHandle p, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (isRunning(p)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            pause(Duration.ofMillis(50));
        }
        return true;
    }

    /** Alive and not a zombie (a process that ended but was not yet reaped by its parent is gone for our purposes). */
    static boolean isRunning(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
            return !(afterName.startsWith("Z") || afterName.startsWith("X"));
        } catch (IOException | RuntimeException e) {
            return p.isAlive();
        }
    }

    static void signal(ProcessHandle p, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(p.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            log.warn("Could not send SIG{} to pid {}: {}", signal, p.pid(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isPostgresProgram(ProcessHandle p) {
        return p.info().command().map(c -> PROGRAMS.contains(programName(c))).orElse(false);
    }

    private static String programName(String command) {
        String c = command.endsWith(" (deleted)") ? command.substring(0, command.length() - 10) : command;
        return c.substring(c.lastIndexOf('/') + 1);
    }

    private static boolean workingIn(ProcessHandle p, Path folder) {
        try {
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd"));
            return cwd.startsWith(folder);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean named(ProcessHandle p, Path folder, Path real) {
        return p.info().arguments()
                .map(args -> Arrays.stream(args).anyMatch(a -> a.equals(folder.toString()) || a.equals(real.toString())))
                .orElse(false);
    }

    private static Path real(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }
}
