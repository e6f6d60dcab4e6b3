package org.thywill.kernel;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.thywill.api.ThywillException;

/**
 * The command line: {@code java -jar thywill.jar [settings-file]}. Prints a readable message and exits with status
 * 1 when the settings or a component are wrong; 2 for a wrong command line.
 */
public final class Main {

    private Main() {
    }

    /**
     * @param args an optional path to the settings file
     */
    public static void main(String[] args) {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h")))) {
            System.err.println("Usage: java -jar thywill.jar [settings-file]\n"
                    + "Starts a Thywill server. The settings file defaults to config/thywill.yml in Thywill's home"
                    + " folder; environment variables THYWILL_<SECTION>_<KEY> override its keys.");
            System.exit(args.length > 1 ? 2 : 0);
        }
        Path home = home();
        Path file = args.length == 1 ? Path.of(args[0]) : home.resolve("config/thywill.yml");
        Thywill thywill;
        try {
            thywill = Thywill.start(ThywillSettings.fromFile(file, home, System.getenv()));
        } catch (ThywillException e) {
            System.err.println("Thywill did not start. " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(thywill, stopped), "thywill-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops gracefully on SIGTERM or Ctrl-C, on a thread of its own so that a component that hangs cannot hold the
     * process past {@code server.shutdownTimeout}: then the process ends at once, with status 1.
     */
    private static void stop(Thywill thywill, CountDownLatch stopped) {
        Thread closing = new Thread(() -> {
            try {
                thywill.close();
            } finally {
                stopped.countDown();
            }
        }, "thywill-close");
        closing.setDaemon(true);
        closing.start();
        try {
            if (!stopped.await(thywill.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("Thywill did not stop within server.shutdownTimeout ("
                        + thywill.shutdownTimeout().toMillis() + " ms); ending the process now.");
                Runtime.getRuntime().halt(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Thywill's home: the {@code thywill.home} system property; else the folder above {@code lib/} when running
     * from the distribution; else the working folder.
     */
    static Path home() {
        String property = System.getProperty("thywill.home");
        if (property != null) {
            return Path.of(property).toAbsolutePath();
        }
        try {
            Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = code.getParent();
            if (Files.isRegularFile(code) && folder != null && folder.getFileName() != null
                    && folder.getFileName().toString().equals("lib") && folder.getParent() != null) {
                return folder.getParent();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working folder
        }
        return Path.of("").toAbsolutePath();
    }
}
