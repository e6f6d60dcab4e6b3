package org.thywill.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.thywill.api.application.Application;
import org.thywill.kernel.Thywill;
import org.thywill.kernel.ThywillSettings;

/**
 * Thywill in one call, for a program that runs its applications from its own {@code main}: no settings file, no jar
 * in a folder, no service entry.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     ThywillServer.run(8080, new HelloApplication());   // http://localhost:8080/thywill/init/
 * }
 * }</pre>
 *
 * The server runs with the distribution's defaults (Jetty and CometD, the H2 file database {@code data/thywill} and
 * the log file {@code logs/thywill.log} under the working folder), except that it runs the applications given here,
 * the first the default one, instead of a folder of jars. {@code THYWILL_<SECTION>_<KEY>}
 * environment variables override settings as they do for the distribution; {@link Builder#set} sets any key of
 * configuration.md in code. The server stops gracefully when the JVM is asked to stop (Ctrl-C, SIGTERM), or on
 * {@link #close()}. Not a singleton: a program may run several on different ports.
 */
public final class ThywillServer implements AutoCloseable {

    private final Thywill thywill;
    private final Thread stopOnExit;

    private ThywillServer(Thywill thywill) {
        this.thywill = thywill;
        this.stopOnExit = new Thread(thywill::close, "thywill-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts a server on {@code port} running {@code applications}; the first is the one {@code /thywill/init/}
     * serves. Returns once it accepts connections; it keeps the JVM running until stopped.
     *
     * @param port the port, or 0 for any free one
     * @param applications the applications to run
     * @return the running server
     * @throws org.thywill.api.ThywillException if it cannot start (a setting is wrong, the port is taken), with a
     *         message saying what to change
     */
    public static ThywillServer run(int port, Application... applications) {
        Builder builder = builder().port(port);
        for (Application application : applications) {
            builder.application(application);
        }
        return builder.start();
    }

    /** @return a builder with the defaults of {@link #run} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the port it listens on */
    public int port() {
        return thywill.port();
    }

    /** @return its base URI, such as {@code http://127.0.0.1:8080/} */
    public URI uri() {
        return thywill.uri();
    }

    /** @return the kernel, for what this class does not offer */
    public Thywill thywill() {
        return thywill;
    }

    /** Stops the server gracefully. Idempotent. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // The JVM is stopping: the hook closes it.
        }
        thywill.close();
    }

    /** Settings in code: whatever the settings file can set. */
    public static final class Builder {

        private final List<String> given = new ArrayList<>();
        private boolean enabledSet;
        private final ThywillSettings.Builder settings = ThywillSettings.builder()
                .set(Thywill.SERVER_SECTION, "port", 8080)
                .set("application", "implementation", "classpath")
                .environment(System.getenv());

        private Builder() {
        }

        /**
         * @param port the port, or 0 for any free one; 8080 by default
         * @return this
         */
        public Builder port(int port) {
            return set(Thywill.SERVER_SECTION, "port", port);
        }

        /**
         * @param application an application to run; the first given is the default one
         * @return this
         */
        public Builder application(Application application) {
            settings.application(application);
            given.add(application.descriptor().id());
            return this;
        }

        /**
         * Sets any key of configuration.md, such as {@code set("database", "file", "mem")}.
         *
         * @param section the section, such as {@code database}
         * @param key the key
         * @param value the value, as YAML would give it (String, Number, Boolean, List, Map)
         * @return this
         */
        public Builder set(String section, String key, Object value) {
            settings.set(section, key, value);
            enabledSet |= section.equals("application") && key.equals("enabled");
            return this;
        }

        /**
         * @param home the folder relative paths (the database and log files) are resolved against; the working
         *             folder by default
         * @return this
         */
        public Builder home(Path home) {
            settings.home(home);
            return this;
        }

        /**
         * @param environment the variables whose {@code THYWILL_<SECTION>_<KEY>} override settings; the process's
         *                    own by default, none with an empty map
         * @return this
         */
        public Builder environment(Map<String, String> environment) {
            settings.environment(environment);
            return this;
        }

        /**
         * @return the running server
         * @throws org.thywill.api.ThywillException if it cannot start, with a message saying what to change
         */
        public ThywillServer start() {
            if (!enabledSet && !given.isEmpty()) {
                // The applications given, the first the default: not every one the class path may also list.
                settings.set("application", "enabled", List.copyOf(given));
            }
            return new ThywillServer(Thywill.start(settings.build()));
        }
    }
}
