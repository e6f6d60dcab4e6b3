package org.thywill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thywill.kernel.settings.EnvironmentOverrides;

/** The command line's help and its errors for a wrong folder, name or command. */
class ThywillCliTest {

    /** What one run of the command printed and returned. */
    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = ThywillCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        Result top = run("--help");
        assertEquals(0, top.status());
        for (String command : new String[] {"new", "run", "apps"}) {
            assertTrue(top.out().contains(command), top::out);
            Result help = run(command, "--help");
            assertEquals(0, help.status(), command);
            assertTrue(help.out().startsWith("Usage: thywill " + command), help::out);
        }
        assertTrue(run("--version").out().contains(ThywillCli.version()));
    }

    @Test
    void aNameThatCannotBeAnApplicationIdIsRefused(@TempDir Path folder) {
        Result bad = run("new", "My App", "-d", folder.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("'My App' cannot name an application"), bad::err);
        assertTrue(run("new", "ok", "--package", "Not.A-package", "-d", folder.toString()).err()
                .contains("is not a Java package name"));
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count(), "nothing was written");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anExistingFolderIsNeverOverwritten(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("taken"));
        Files.writeString(folder.resolve("taken/keep.txt"), "mine");
        Result result = run("new", "taken", "-d", folder.toString());
        assertEquals(1, result.status());
        assertTrue(result.err().contains("exists already"), result::err);
        assertEquals("mine", Files.readString(folder.resolve("taken/keep.txt")));
    }

    @Test
    void runAndAppsOutsideAnApplicationFolderSayWhatIsWrong(@TempDir Path folder) {
        for (String command : new String[] {"run", "apps"}) {
            Result result = run(command, "--folder", folder.toString());
            assertEquals(1, result.status(), command);
            assertTrue(result.err().contains("There is no thywill.yml in " + folder.toAbsolutePath()), result::err);
            assertTrue(result.err().contains("thywill new <name>"), result::err);
        }
        assertEquals(1, run("apps", "--folder", folder.resolve("nowhere").toString()).status());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Result result = run("serve");
        assertEquals(2, result.status());
        assertTrue(result.err().contains("serve"), result::err);
    }

    @Test
    void appsSaysWhyAnEnabledApplicationWouldNotRun(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("target"));
        Files.writeString(folder.resolve("thywill.yml"), "application:\n  implementation: jar\n  folder: target\n"
                + "  enabled: [ghost]\n");
        Files.writeString(folder.resolve("target/not-an-app.jar"), "not a zip");
        Result result = run("apps", "--folder", folder.toString());
        assertEquals(1, result.status());
        assertTrue(result.out().contains("not-an-app.jar") && result.out().contains("is not a readable jar"),
                result::out);
        assertTrue(result.out().contains("ghost") && result.out().contains("no jar holds it"), result::out);
    }

    @Test
    void appsAppliesTheEnvironmentsOverridesAsTheServerWould(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("apps"));
        Files.writeString(folder.resolve("thywill.yml"), "application:\n  implementation: jar\n  folder: apps\n");
        ProjectFolder project = ProjectFolder.of(folder, null);
        assertTrue(AppsCommand.report(project, EnvironmentOverrides.none()).ok(), "nothing enabled, nothing missing");
        ApplicationScan.Report overridden = AppsCommand.report(project, new EnvironmentOverrides(Map.of(
                EnvironmentOverrides.variableName("application", "enabled"), "ghost")));
        assertEquals(List.of("ghost"), overridden.missing(), "the variable enables an application no jar holds");
        assertFalse(overridden.ok());
    }
}
