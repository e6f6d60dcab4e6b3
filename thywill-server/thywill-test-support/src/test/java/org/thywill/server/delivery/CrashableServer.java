package org.thywill.server.delivery;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.thywill.testing.ThywillTestServer;

/**
 * A server with the delivery probe in a given home, run as a process of its own so that a test can kill it with
 * SIGKILL: no shutdown hook, no stop, no flush. Prints {@code PORT n} once it accepts connections, then runs until
 * killed.
 */
public final class CrashableServer {

    private CrashableServer() {
    }

    /**
     * @param arguments the home folder, then settings as {@code section.key=value}
     * @throws InterruptedException never: it runs until killed
     */
    public static void main(String[] arguments) throws InterruptedException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < arguments.length; i++) {
            String[] pair = arguments[i].split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        ThywillTestServer server = configure(ThywillTestServer.withApplications("delivery")
                .home(Path.of(arguments[0])), settings).start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    /**
     * @param builder a test server's settings
     * @param settings more, as {@code section.key} to value; a section naming its {@code implementation} replaces
     *                 the whole section
     * @return the builder with them set
     */
    static ThywillTestServer.Builder configure(ThywillTestServer.Builder builder, Map<String, String> settings) {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            int dot = key.indexOf('.');
            sections.computeIfAbsent(key.substring(0, dot), s -> new LinkedHashMap<>())
                    .put(key.substring(dot + 1), value);
        });
        sections.forEach((section, values) -> {
            if (values.containsKey("implementation")) {
                builder.section(section, values); // another implementation: none of the test defaults apply
            } else {
                values.forEach((key, value) -> builder.set(section, key, value));
            }
        });
        return builder;
    }
}
