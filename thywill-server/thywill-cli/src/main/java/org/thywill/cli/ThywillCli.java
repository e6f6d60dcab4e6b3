package org.thywill.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code thywill} command. Exit statuses: 0 done, 1 the command could not do its work (the message says what
 * to change), 2 a wrong command line.
 */
@Command(name = "thywill", mixinStandardHelpOptions = true, versionProvider = ThywillCli.Version.class,
        description = "Creates, checks and runs Thywill applications.",
        subcommands = {NewCommand.class, RunCommand.class, AppsCommand.class, CommandLine.HelpCommand.class})
public final class ThywillCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command without exiting, for tests and embedding.
     *
     * @param out where results go
     * @param err where errors go
     * @param args the command line
     * @return the exit status
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new ThywillCli());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof CliException) {
                command.getErr().println("thywill: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return line.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** @return the Thywill version this tool belongs to, which {@code new} writes into projects */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = ThywillCli.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the thywill-cli jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    /** Gives {@code --version} the tool's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"thywill " + version()};
        }
    }
}
