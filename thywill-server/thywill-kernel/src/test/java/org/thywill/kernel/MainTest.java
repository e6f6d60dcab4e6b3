package org.thywill.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in a JVM of its own because it calls {@link System#exit}. */
class MainTest {

    @TempDir
    Path home;

    /** What a finished child JVM left behind. */
    private record Run(int exit, String out, String err) {
    }

    private Run main(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dthywill.home=" + home,
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Main did not exit within 60 s; stderr: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownImplementationInTheHomeSettingsFileExitsWithStatusOneAndAMessageWithoutAStackTrace()
            throws IOException, InterruptedException {
        Path config = Files.createDirectories(home.resolve("config"));
        Files.writeString(config.resolve("thywill.yml"), SettingsFile.allFake()
                .set("database", "implementation", "postgres").yaml());

        Run run = main();

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("Thywill did not start. Unknown database implementation 'postgres' in "
                + config.resolve("thywill.yml")), run.err());
        assertTrue(run.err().contains("Available for database: fake."), run.err());
        assertFalse(run.err().contains("at org."), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aMissingSettingsFileGivenOnTheCommandLineExitsWithStatusOne() throws IOException, InterruptedException {
        Run run = main("missing.yml");

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("Thywill did not start. The settings file missing.yml does not exist."),
                run.err());
        assertFalse(run.err().contains("at org."), run.err());
    }

    @Test
    void helpPrintsTheUsageAndTooManyArgumentsExitWithStatusTwo() throws IOException, InterruptedException {
        Run help = main("--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.err().startsWith("Usage: java -jar thywill.jar [settings-file]"), help.err());

        Run wrong = main("a.yml", "b.yml");
        assertEquals(2, wrong.exit(), wrong.err());
        assertTrue(wrong.err().startsWith("Usage: "), wrong.err());
    }
}
