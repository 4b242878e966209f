package org.dicas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.dicas.programs.engine.WorkShareBalancer;
import org.dicas.programs.engine.WorkShareException;
import org.dicas.programs.engine.WorkShareJson;
import org.dicas.programs.engine.WorkShareProblem;
import org.dicas.programs.engine.WorkShareSplit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dicas workshare}: splits a cooperative program's work packages between the nations' industries. */
@Command(name = "workshare",
        description = "Work share: splits work packages between nations' industries to agreed shares at least cost.",
        subcommands = {WorkShareCommand.Balance.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        usageHelpAutoWidth = true)
final class WorkShareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: missing command (see 'dicas workshare --help')");
        return CommandLine.ExitCode.USAGE;
    }

    /** {@code dicas workshare balance}: reads a problem, balances it with CP-SAT, prints the split. */
    @Command(name = "balance",
            description = {
                "Reads a work-share problem (JSON: nations with shares, tolerance, packages with controls and "
                        + "options, releases, capacities) and prints the least-cost split that keeps every nation's "
                        + "share within share ± tolerance as JSON on standard output: status (OPTIMAL, FEASIBLE or "
                        + "INFEASIBLE), totalCost, lowerBound, unconstrainedCost, priceOfBalance, assignments, shares "
                        + "and, when infeasible, the reason.",
                "Invalid input is refused with exit code 1 and a one-line reason on standard error."},
            sortOptions = false,
            usageHelpAutoWidth = true)
    static final class Balance implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--input", paramLabel = "FILE", required = true,
                description = "The problem as JSON; - reads standard input.")
        String input;

        @Option(names = "--seconds", paramLabel = "N", defaultValue = "30",
                description = "Solving time limit in seconds (default ${DEFAULT-VALUE}); without a proof of "
                        + "optimality by then the best split found is printed as FEASIBLE with its lower bound.")
        double seconds;

        @Option(names = "--compact", description = "Print the JSON on one line instead of indented.")
        boolean compact;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!(seconds > 0) || seconds > 86_400) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--seconds must be more than 0 and at most 86400");
            }
            try {
                WorkShareProblem problem = DicasCommandLine.readInput(input, WorkShareJson::read);
                WorkShareBalancer balancer = WorkShareBalancer.create();
                balancer.validate(problem);
                WorkShareSplit split = balancer.balance(problem, Duration.ofMillis(Math.round(seconds * 1000)));
                PrintWriter out = spec.commandLine().getOut();
                out.println(WorkShareJson.write(split, !compact));
                out.flush();
                return CommandLine.ExitCode.OK;
            } catch (WorkShareException e) {
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
