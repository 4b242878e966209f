package org.dicas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dicas.requirements.engine.Candidate;
import org.dicas.requirements.engine.FinderModel;
import org.dicas.requirements.engine.OpportunityFinder;
import org.dicas.requirements.engine.OpportunityGroup;
import org.dicas.requirements.engine.RequirementProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dicas requirements}: the opportunity finder over a file of requirements. */
@Command(name = "requirements",
        description = "Requirements: finds cooperative opportunities among requirements of different nations.",
        subcommands = {RequirementsCommand.Match.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        usageHelpAutoWidth = true)
final class RequirementsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: missing command (see 'dicas requirements --help')");
        return CommandLine.ExitCode.USAGE;
    }

    /** {@code dicas requirements match}: candidates of other nations for every requirement of the file. */
    @Command(name = "match",
            description = {
                "Reads requirements (JSON: {\"requirements\":[{\"id\",\"nation\",\"service\",\"title\","
                        + "\"description\",\"quantity\"?,\"needBy\"? (YYYY-MM),\"capabilityArea\"?}]}, English "
                        + "and/or Japanese, language detected) and prints, for each requirement, the best K "
                        + "candidates of other nations (score in [0,1], opportunity flag, explanation, aligned "
                        + "procurement window, learning-curve savings of a combined buy at LR 0.85 in first-unit-cost "
                        + "units) and the groups of three or more nations.",
                "Invalid input is refused with exit code 1 and a one-line reason on standard error."},
            sortOptions = false,
            usageHelpAutoWidth = true)
    static final class Match implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--input", paramLabel = "FILE", required = true,
                description = "The requirements as JSON (UTF-8); - reads standard input.")
        String input;

        @Option(names = "--top", paramLabel = "K", defaultValue = "5",
                description = "Candidates per requirement (default ${DEFAULT-VALUE}).")
        int top;

        @Option(names = "--compact", description = "Print the JSON on one line instead of indented.")
        boolean compact;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (top < 1 || top > 1000) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--top must be between 1 and 1000");
            }
            try {
                String json = input.equals("-")
                        ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(input), StandardCharsets.UTF_8);
                List<RequirementProfile> requirements = RequirementsJson.read(json);
                // scored by the model trained on the development sets shipped with the application (method §11)
                OpportunityFinder finder = OpportunityFinder.over(requirements, FinderModel.shipped());
                // one pass: groups look at the best 10 candidates, the output shows the best K
                Map<String, List<Candidate>> wide = finder.matchAll(Math.max(top, 10));
                List<OpportunityGroup> groups = finder.groups(wide);
                Map<String, List<Candidate>> matches = new LinkedHashMap<>();
                wide.forEach((id, c) -> matches.put(id, c.size() > top ? c.subList(0, top) : c));
                PrintWriter out = spec.commandLine().getOut();
                out.println(RequirementsJson.write(finder, matches, groups, !compact));
                out.flush();
                return CommandLine.ExitCode.OK;
            } catch (RequirementsJson.InputException e) {
                err.println("error: " + DicasCommandLine.oneLine(e.getMessage()));
                return CommandLine.ExitCode.SOFTWARE;
            } catch (NoSuchFileException e) {
                err.println("error: no such file: " + e.getFile());
                return CommandLine.ExitCode.SOFTWARE;
            } catch (java.nio.charset.MalformedInputException e) {
                err.println("error: the input is not UTF-8 text");
                return CommandLine.ExitCode.SOFTWARE;
            } catch (IOException e) {
                err.println("error: cannot read: " + DicasCommandLine.oneLine(e.toString()));
                return CommandLine.ExitCode.SOFTWARE;
            } finally {
                err.flush();
            }
        }
    }
}
