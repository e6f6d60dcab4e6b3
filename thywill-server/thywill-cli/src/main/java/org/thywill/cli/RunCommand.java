package org.thywill.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.thywill.api.ThywillException;
import org.thywill.kernel.Thywill;
import org.thywill.kernel.ThywillSettings;
import org.thywill.kernel.settings.EnvironmentOverrides;
import org.thywill.kernel.settings.SettingsTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thywill run}: a server with the settings and applications of the current folder, until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Starts a Thywill server with the settings file of this folder (" + ProjectFolder.SETTINGS
                + ") and the applications it names, and serves until Ctrl-C. Relative paths in the settings"
                + " resolve against the folder; THYWILL_<SECTION>_<KEY> environment variables override keys."})
final class RunCommand implements Callable<Integer> {

    @Option(names = {"-s", "--settings"}, paramLabel = "<file>", description = "The settings file; "
            + ProjectFolder.SETTINGS + " in the folder by default.")
    private java.nio.file.Path settings;

    @Option(names = {"-f", "--folder"}, paramLabel = "<folder>", defaultValue = ".",
            description = "The application's folder; the working folder by default.")
    private java.nio.file.Path folder;

    @Option(names = {"-p", "--port"}, paramLabel = "<port>", description = "The port, instead of server.port (0"
            + " for any free one).")
    private Integer port;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** Counted down to stop a server started in this JVM (tests); Ctrl-C stops it otherwise. */
    private final CountDownLatch stop;

    RunCommand() {
        this(new CountDownLatch(1));
    }

    RunCommand(CountDownLatch stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() throws InterruptedException {
        ProjectFolder project = ProjectFolder.of(folder, settings);
        var out = spec.commandLine().getOut();
        ApplicationScan.Report report = AppsCommand.report(project);
        AppsCommand.print(report, out);
        SettingsTree tree = SettingsTree.read(project.settings());
        if (port != null) {
            tree = tree.with("server", "port", port);
        }
        Thywill thywill;
        try {
            thywill = Thywill.start(new ThywillSettings(tree, new EnvironmentOverrides(System.getenv()),
                    project.home(), RunCommand.class.getClassLoader()));
        } catch (ThywillException e) {
            throw new CliException("The server did not start. " + e.getMessage(), e);
        }
        Thread hook = new Thread(() -> {
            stop.countDown();
            thywill.close();
        }, "thywill-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Serving " + thywill.uri().resolve("/thywill/init/") + " (Ctrl-C stops)");
        out.flush();
        try {
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                thywill.close();
            } catch (IllegalStateException shuttingDown) {
                // the hook is closing it
            }
        }
        return 0;
    }
}
