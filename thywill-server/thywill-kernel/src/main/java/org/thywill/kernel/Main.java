package org.thywill.kernel;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.thywill.api.ThywillException;

/**
 * The command line: {@code java -jar thywill.jar [settings-file]}. Prints a readable message and exits with status
 * 1 when the settings or a component are wrong; 2 for a wrong command line.
 */
public final class Main {

    /**
     * How long a stop asked for during the start waits for it to end: the start may be waiting for the database
     * ({@code database.startupTimeout}); a process manager ends the process before this anyway.
     */
    static final Duration START_WAIT = Duration.ofSeconds(30);

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
        AtomicReference<Thywill> started = new AtomicReference<>();
        CountDownLatch startEnded = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before the start: a SIGTERM that arrives while Thywill starts waits for the start to end and
        // then stops it gracefully, instead of ending the process under a half-started server.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (awaitStart(startEnded) && started.get() != null) {
                stop(started.get(), stopped);
            }
        }, "thywill-shutdown"));
        ThywillException failure = null;
        try {
            started.set(Thywill.start(ThywillSettings.fromFile(file, home, System.getenv())));
        } catch (ThywillException e) {
            failure = e;
        } finally {
            startEnded.countDown();
        }
        if (failure != null) {
            System.err.println("Thywill did not start. " + failure.getMessage());
            System.exit(1);
            return;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether the start ended within {@link #START_WAIT}; a stop during start waits that long at most */
    private static boolean awaitStart(CountDownLatch startEnded) {
        try {
            if (startEnded.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            System.err.println("Thywill was still starting " + START_WAIT.toSeconds()
                    + " s after it was asked to stop; ending the process now.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
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
