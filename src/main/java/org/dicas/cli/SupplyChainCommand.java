package org.dicas.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dicas supply-chain}: the supply-chain resilience engine. */
@Command(name = "supply-chain",
        description = "Supply-chain resilience: single points of failure, disruption what-ifs, country and company "
                + "concentration, time-to-survive against time-to-recover.",
        subcommands = {AnalyzeCommand.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        usageHelpAutoWidth = true)
final class SupplyChainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: missing command (see 'dicas supply-chain --help')");
        return CommandLine.ExitCode.USAGE;
    }
}
