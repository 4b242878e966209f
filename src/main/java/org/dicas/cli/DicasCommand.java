package org.dicas.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: {@code dicas}. */
@Command(name = "dicas",
        description = {
            "The DICAS Platform command line. Commands run in this process and exit; they do not start the server "
                    + "or the database.",
            "Without arguments, java -jar dicas.jar starts the platform server instead."},
        subcommands = {SupplyChainCommand.class, SustainmentCommand.class, RequirementsCommand.class,
            CoproductionCommand.class, WorkShareCommand.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        usageHelpAutoWidth = true)
final class DicasCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: missing command (see 'dicas --help')");
        return CommandLine.ExitCode.USAGE;
    }
}
