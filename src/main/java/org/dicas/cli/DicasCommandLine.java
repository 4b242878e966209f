package org.dicas.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine;

/**
 * Entry point of the command line. {@link #isCommand} tells {@code main} whether its arguments are a command (then
 * {@link #run} executes it and returns the exit code) or server options.
 *
 * <p>Exit codes: 0 done; 1 the input was refused (invalid network, unreadable file) or the command failed; 2 the
 * command line itself was wrong. Errors are one line on standard error.
 */
public final class DicasCommandLine {

    /** The first arguments that select the command line rather than the server. */
    private static final Set<String> COMMANDS = Set.of("supply-chain", "sustainment", "requirements", "coproduction",
            "workshare", "help", "--help", "-h");

    private DicasCommandLine() {
    }

    public static boolean isCommand(String firstArgument) {
        return firstArgument != null && COMMANDS.contains(firstArgument);
    }

    /** Runs a command on the process's standard output and error (UTF-8). */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try {
            return run(out, err, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs a command in-process, writing to the given streams (tests use this). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command tree with one-line error handling. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new DicasCommand());
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + oneLine(ex.getMessage()) + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("error: " + ex.getClass().getSimpleName() + ": " + oneLine(ex.getMessage()));
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cmd;
    }

    /** Reads a command's input from a file, or from standard input when the file is {@code -}. */
    interface InputReader<T> {
        T read(InputStream in) throws IOException;
    }

    static <T> T readInput(String file, InputReader<T> reader) throws IOException {
        if (file.equals("-")) {
            return reader.read(System.in);
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return reader.read(in);
        }
    }

    /** Says on standard error why the input could not be read; the exit code of that failure. */
    static int cannotRead(PrintWriter err, IOException e) {
        err.println(e instanceof NoSuchFileException missing ? "error: no such file: " + missing.getFile()
                : "error: cannot read: " + oneLine(e.toString()));
        return CommandLine.ExitCode.SOFTWARE;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
