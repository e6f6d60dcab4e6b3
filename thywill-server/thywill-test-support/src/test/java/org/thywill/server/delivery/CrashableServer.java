package org.thywill.server.delivery;

import java.nio.file.Path;
import org.thywill.testing.ThywillTestServer;

/**
 * A server with the delivery probe and the H2 file Database in a given home, run as a process of its own so that a
 * test can kill it with SIGKILL: no shutdown hook, no stop, no flush. Prints {@code PORT n} once it accepts
 * connections, then runs until killed.
 */
public final class CrashableServer {

    private CrashableServer() {
    }

    /**
     * @param arguments the home folder
     * @throws InterruptedException never: it runs until killed
     */
    public static void main(String[] arguments) throws InterruptedException {
        ThywillTestServer server = ThywillTestServer.withApplications("delivery")
                .set("database", "file", "data/thywill")
                .home(Path.of(arguments[0]))
                .start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
