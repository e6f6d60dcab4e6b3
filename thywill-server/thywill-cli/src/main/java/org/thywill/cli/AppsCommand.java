package org.thywill.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.thywill.kernel.settings.EnvironmentOverrides;
import org.thywill.kernel.settings.SettingsTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thywill apps}: the applications a server with this folder's settings would run, and why any would not. */
@Command(name = "apps", mixinStandardHelpOptions = true,
        description = {"Lists the applications a server started in this folder would load (from the settings'"
                + " application section, with THYWILL_APPLICATION_* variables applied) and says why any would fail,"
                + " without starting a server.",
                "Exits with 1 when an enabled application would not run."})
final class AppsCommand implements Callable<Integer> {

    @Option(names = {"-s", "--settings"}, paramLabel = "<file>", description = "The settings file; "
            + ProjectFolder.SETTINGS + " in the folder by default.")
    private Path settings;

    @Option(names = {"-f", "--folder"}, paramLabel = "<folder>", defaultValue = ".",
            description = "The application's folder (Thywill's home for relative paths); the working folder by"
                    + " default.")
    private Path folder;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ProjectFolder project = ProjectFolder.of(folder, settings);
        ApplicationScan.Report report = report(project);
        print(report, spec.commandLine().getOut());
        return report.ok() ? 0 : 1;
    }

    static ApplicationScan.Report report(ProjectFolder project) {
        return report(project, new EnvironmentOverrides(System.getenv()));
    }

    /**
     * @param project the folder and its settings file
     * @param overrides the {@code THYWILL_APPLICATION_*} variables a server started here would apply
     * @return what a server would load
     */
    static ApplicationScan.Report report(ProjectFolder project, EnvironmentOverrides overrides) {
        SettingsTree tree;
        try {
            tree = overrides.apply(SettingsTree.read(project.settings()), "application",
                    Map.of("implementation", String.class, "folder", String.class, "enabled", List.class));
        } catch (RuntimeException e) {
            throw new CliException(e.getMessage(), e);
        }
        return ApplicationScan.scan(project.home(), tree.section("application"), AppsCommand.class.getClassLoader());
    }

    static void print(ApplicationScan.Report report, PrintWriter out) {
        out.println("Applications from " + report.where() + (report.enabled().isEmpty() ? ", all enabled:"
                : ", enabled " + report.enabled() + ":"));
        if (report.found().isEmpty() && report.missing().isEmpty()) {
            out.println("  none found");
        }
        for (ApplicationScan.Found f : report.found()) {
            String status = f.problem() == null ? "runs" : f.problem();
            out.printf("  %-20s %-22s %s%n", f.id() == null ? "?" : f.id(), f.source(), status);
        }
        for (String id : report.missing()) {
            out.printf("  %-20s %-22s %s%n", id, "-", "FAILS: enabled, but no jar holds it (build it with mvn"
                    + " package, or remove it from application.enabled)");
        }
        out.flush();
    }
}
