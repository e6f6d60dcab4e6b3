package org.thywill.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/thywill as shipped: it runs from any folder with lib/ as its class path and checks the shipped settings. */
class CommandLineIT {

    private final Path home = DistributionProcess.home();

    /** The exit status and what the command printed. */
    private record Run(int status, String output) {
    }

    private Run thywill(Path workingFolder, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/thywill").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("thywill-cli-", ".log");
        Process process = new ProcessBuilder(command).directory(workingFolder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/thywill " + String.join(" ", args) + " did not end within 2 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(process.exitValue(), output);
    }

    @Test
    void theScriptIsExecutableAndHelps(@TempDir Path anywhere) throws Exception {
        assertTrue(Files.isExecutable(home.resolve("bin/thywill")));
        Run help = thywill(anywhere, "--help");
        assertEquals(0, help.status(), help.output());
        assertTrue(help.output().contains("Usage: thywill"), help.output());
    }

    @Test
    void appsFindsEveryApplicationTheShippedSettingsEnable(@TempDir Path anywhere) throws Exception {
        Run apps = thywill(anywhere, "apps", "--folder", home.toString(), "--settings", "config/thywill.yml");
        assertEquals(0, apps.status(), apps.output());
        for (String id : List.of("echo", "chat", "todo", "twooter")) {
            assertTrue(apps.output().contains("thywill-app-" + id + ".jar"), apps.output());
        }
        assertTrue(!apps.output().contains("FAILS"), apps.output());
    }

    @Test
    void runOutsideAnApplicationFolderSaysWhatToDo(@TempDir Path empty) throws Exception {
        Run run = thywill(empty, "run");
        assertEquals(1, run.status(), run.output());
        assertTrue(run.output().contains("There is no thywill.yml in"), run.output());
    }
}
