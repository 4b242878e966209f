package org.dicas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.dicas.sustainment.engine.RepairScheduler;
import org.dicas.sustainment.engine.ScheduleException;
import org.dicas.sustainment.engine.ScheduleJson;
import org.dicas.sustainment.engine.ScheduleProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dicas sustainment}: repair scheduling of ships and aircraft across allied facilities. */
@Command(name = "sustainment",
        description = "Sustainment: schedules repair jobs on drydocks, piers and hangars of allied facilities.",
        subcommands = {SustainmentCommand.Schedule.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        usageHelpAutoWidth = true)
final class SustainmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: missing command (see 'dicas sustainment --help')");
        return CommandLine.ExitCode.USAGE;
    }

    /** {@code dicas sustainment schedule}: reads a problem, solves for N seconds, prints the schedule. */
    @Command(name = "schedule",
            description = {
                "Reads a repair-scheduling problem (JSON: horizon, facilities, jobs) and prints the best schedule "
                        + "found within the time limit as JSON on standard output: assignments (job, facility, "
                        + "resource, start, finish, daysLate), unassigned (job, reason), score (unassignedPriority, "
                        + "weightedTardinessDays, transitKm), status (OPTIMAL when the score is the proven "
                        + "lexicographic optimum, else FEASIBLE) and bound (the best proven lower bound of each "
                        + "score level).",
                "CP-SAT (exact) and Timefold (local search) solve side by side; the best schedule is kept.",
                "Invalid input is refused with exit code 1 and a one-line reason on standard error."},
            sortOptions = false,
            usageHelpAutoWidth = true)
    static final class Schedule implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--input", paramLabel = "FILE", required = true,
                description = "The problem as JSON; - reads standard input.")
        String input;

        @Option(names = "--seconds", paramLabel = "N", defaultValue = "10",
                description = "Solving time limit in seconds (default ${DEFAULT-VALUE}; 0 = greedy baseline only).")
        double seconds;

        @Option(names = "--compact", description = "Print the JSON on one line instead of indented.")
        boolean compact;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!(seconds >= 0) || seconds > 86_400) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--seconds must be between 0 and 86400");
            }
            quietSolverLogs();
            try {
                ScheduleProblem problem = DicasCommandLine.readInput(input, ScheduleJson::read);
                RepairScheduler scheduler = RepairScheduler.create();
                scheduler.validate(problem);
                org.dicas.sustainment.engine.Schedule result = scheduler.solve(problem,
                        Duration.ofMillis(Math.round(seconds * 1000)), s -> { });
                PrintWriter out = spec.commandLine().getOut();
                out.println(ScheduleJson.write(result, !compact));
                out.flush();
                return CommandLine.ExitCode.OK;
            } catch (ScheduleException e) {
                err.println("error: " + DicasCommandLine.oneLine(e.getMessage()));
                return CommandLine.ExitCode.SOFTWARE;
            } catch (IOException e) {
                return DicasCommandLine.cannotRead(err, e);
            } finally {
                err.flush();
            }
        }

        /** Standard output carries the JSON only: the solver's progress logs would end up there (logback default). */
        static void quietSolverLogs() {
            for (String name : new String[] {"ai.timefold", "com.google.ortools"}) {
                if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l) {
                    l.setLevel(ch.qos.logback.classic.Level.OFF);
                }
            }
        }
    }
}
