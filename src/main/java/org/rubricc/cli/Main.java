package org.rubricc.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `rubricc` command. Subcommands are thin: they wire stages together and print. */
@Command(
        name = "rubricc",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A compiler for grading rubrics.")
public final class Main implements Runnable {
    /** The subcommands, in the order `rubricc --help` lists them. */
    private static final List<Class<?>> COMMANDS = List.of(CheckCommand.class, CompileCommand.class, ValidateCommand.class,
            MigrateCommand.class, DiffCommand.class, LockCommand.class, AgreeCommand.class, CommandLine.HelpCommand.class);

    /** Exit status for usage errors and I/O problems. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(run(args, standardOutput(), new PrintWriter(System.err, true)));
    }

    /**
     * Standard output as C's stdio gives it: flushed at every line on a terminal, where a person reads as it comes,
     * and in 64 KiB blocks into a file or a pipe, where a line at a time costs a system call per line (`validate` of a
     * mostly invalid file prints several lines per rating). In the charset Java gives {@code System.out}.
     */
    static PrintWriter standardOutput() {
        if (System.console() != null) return new PrintWriter(System.out, true);
        String encoding = System.getProperty("sun.stdout.encoding");
        java.nio.charset.Charset charset;
        try {
            charset = encoding == null ? java.nio.charset.Charset.defaultCharset() : java.nio.charset.Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            charset = java.nio.charset.Charset.defaultCharset();
        }
        return new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), charset), 1 << 16), false);
    }

    /** Runs rubricc with the given streams; returns the exit status. Used by the tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return execute(commandLine(args), args, out, err);
    }

    /** Runs the arguments on a command line of rubricc's, with the given streams; returns the exit status. */
    static int execute(CommandLine cl, String[] args, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            commandLine.getErr().flush();
            return USAGE;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** rubricc's command line for these arguments: with every subcommand when they name none. */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> command : commandsFor(args)) cl.addSubcommand(command);
        return cl;
    }

    /**
     * The subcommands a run needs: the one its first argument names, when it names one; else all of them, for
     * {@code help}, {@code --help}, suggestions and usage errors. picocli builds the model of every subcommand it is
     * given, by reflection: the others cost a short run (`check` of one rubric) about a tenth of its time.
     */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command != CommandLine.HelpCommand.class && command.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    /** rubricc's version, as the build wrote it (the pom's), for `rubricc --version` and every command's `--version`. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"rubricc " + p.getProperty("version", "(version unknown: built without Maven)")};
        }
    }
}
