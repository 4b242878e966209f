package org.dicas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.dicas.coproduction.engine.CoproductionException;
import org.dicas.coproduction.engine.CoproductionJson;
import org.dicas.coproduction.engine.CoproductionPlanner;
import org.dicas.coproduction.engine.CoproductionProblem;
import org.dicas.coproduction.engine.PlanControl;
import org.dicas.coproduction.engine.ProductionPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dicas coproduction}: missile co-production planning across the allies' lines and shared components. */
@Command(name = "coproduction",
        description = "Co-production: plans deliveries from the allies' production lines with shared components.",
        subcommands = {CoproductionCommand.Plan.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        usageHelpAutoWidth = true)
final class CoproductionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: missing command (see 'dicas coproduction --help')");
        return CommandLine.ExitCode.USAGE;
    }

    /** {@code dicas coproduction plan}: reads a problem, solves it lexicographically, prints the plan. */
    @Command(name = "plan",
            description = {
                "Reads a co-production problem (JSON: periods, lines, components, demands, transfers) and prints the "
                        + "plan as JSON on standard output: status (OPTIMAL only when proven), deliveries (demand, "
                        + "line, period, quantity), unmet (demand, quantity), score (unmetPriority, "
                        + "latePriorityPeriods, cost) and bottlenecks (kind, id, periods, objective, value per extra "
                        + "unit).",
                "Invalid input is refused with exit code 1 and a one-line reason on standard error."},
            sortOptions = false,
            usageHelpAutoWidth = true)
    static final class Plan implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--input", paramLabel = "FILE", required = true,
                description = "The problem as JSON; - reads standard input.")
        String input;

        @Option(names = "--seconds", paramLabel = "N", defaultValue = "60",
                description = "Time limit in seconds for all levels together (default ${DEFAULT-VALUE}; "
                        + "0 = greedy earliest-due-first plan only).")
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
            try {
                CoproductionProblem problem = DicasCommandLine.readInput(input, CoproductionJson::read);
                ProductionPlan plan = CoproductionPlanner.create().solve(problem,
                        Duration.ofMillis(Math.round(seconds * 1000)), PlanControl.none());
                PrintWriter out = spec.commandLine().getOut();
                out.println(CoproductionJson.write(plan, !compact));
                out.flush();
                return CommandLine.ExitCode.OK;
            } catch (CoproductionException e) {
                err.println("error: " + DicasCommandLine.oneLine(e.getMessage()));
                return CommandLine.ExitCode.SOFTWARE;
            } catch (IOException e) {
                return DicasCommandLine.cannotRead(err, e);
            } finally {
                err.flush();
            }
        }
    }
}
