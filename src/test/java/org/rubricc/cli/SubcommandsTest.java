package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run builds only the subcommand it names (picocli's model of each costs start-up time), and prints exactly what
 * it printed with every subcommand built: help, usage errors and the command's own output.
 */
class SubcommandsTest {
    private static final List<String> NAMES = List.of("check", "compile", "validate", "migrate", "diff", "lock", "agree", "help");

    /** What a run prints when every subcommand is built, as before. */
    private static CheckCommandTest.Run withAll(String... args) {
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int status = Main.execute(Main.commandLine(), args, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        return new CheckCommandTest.Run(status, out.toString(), err.toString());
    }

    @Test
    void aRunNamingASubcommandBuildsThatOneAndOthersBuildAll() {
        for (String name : NAMES) {
            List<String> built = Main.commandsFor(new String[] {name, "x"}).stream()
                    .map(c -> c.getAnnotation(CommandLine.Command.class).name()).collect(Collectors.toList());
            assertEquals(name.equals("help") ? NAMES : List.of(name), built, name);
        }
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"chek"}, {"x", "check"}}) {
            assertEquals(NAMES.size(), Main.commandsFor(args).size(), String.join(" ", args));
        }
    }

    @Test
    void whatARunPrintsIsWhatItPrintedWithEverySubcommand() {
        String rubric = "rubrics/image-edit/2.0.0.rubric";
        for (String[] args : new String[][] {{"check", rubric}, {"check", "--help"}, {"compile", "--help"}, {"compile"},
                {"validate", "--nope", rubric}, {"help", "compile"}, {"--help"}, {"chek", rubric}, {}, {"lock", "--help"},
                {"agree", "--help"}, {"migrate", "--help"}, {"diff", "--help"}}) {
            CheckCommandTest.Run now = CheckCommandTest.run(args), before = withAll(args);
            assertEquals(before, now, String.join(" ", args));
        }
        assertTrue(CheckCommandTest.run("compile", "--help").out().startsWith("Usage: rubricc compile"));
    }
}
