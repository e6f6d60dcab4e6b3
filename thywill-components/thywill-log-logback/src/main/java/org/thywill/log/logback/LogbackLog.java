package org.thywill.log.logback;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thywill.api.ClientConfiguration;
import org.thywill.api.ClientResource;
import org.thywill.api.ComponentContext;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.log.Log;

/**
 * The {@code logback} log: configures Logback when it starts, and gives every page a script that reports the
 * page's uncaught errors to {@link ClientErrorEndpoint}.
 *
 * <p>Logback's configuration belongs to the whole JVM, so two servers in one JVM share it: the one that starts last
 * wins. {@link #stop()} closes only the appenders this instance added.
 */
public final class LogbackLog implements Log {

    /** Where the error-reporting script is served. */
    public static final String SCRIPT_URL = ClientErrorEndpoint.PREFIX + ClientErrorEndpoint.SCRIPT;

    /** Where browsers send error reports. */
    public static final String REPORT_URL = ClientErrorEndpoint.PREFIX + ClientErrorEndpoint.REPORT;

    /** The script's weight among bootstrap resources: early, so it sees errors in the scripts after it. */
    public static final int SCRIPT_WEIGHT = 20;

    private final LogbackSetup setup;
    private final ClientErrorEndpoint endpoint;
    private final Map<String, Object> bootstrapParameter;

    /**
     * @param settings the {@code log} section
     * @param context resolves the log file's path
     */
    public LogbackLog(LogbackSettings settings, ComponentContext context) {
        this(settings, context, false);
    }

    /**
     * @param settings the {@code log} section
     * @param context resolves the log file's path
     * @param json whether every line is a JSON object ({@code logback-json}) rather than text
     */
    public LogbackLog(LogbackSettings settings, ComponentContext context, boolean json) {
        Optional<Path> file = settings.writesFile() ? Optional.of(context.resolve(settings.file())) : Optional.empty();
        this.setup = new LogbackSetup(settings, file, json);
        this.endpoint = new ClientErrorEndpoint(settings.clientErrorsPerMinute(),
                settings.clientErrorsPerAddressPerMinute());
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("clientErrorsUrl", REPORT_URL);
        parameter.put("maxPerMinute", settings.clientErrorsPerMinute());
        this.bootstrapParameter = Collections.unmodifiableMap(parameter);
    }

    /** Replaces Logback's configuration with the one the settings describe. */
    @Override
    public void start() {
        setup.apply();
    }

    /** Flushes and closes the appenders {@link #start()} added; the console keeps working for the last words. */
    @Override
    public void stop() {
        setup.stop();
    }

    @Override
    public void contribute(ClientConfiguration configuration) {
        configuration.bootstrapResource(ClientResource.script(SCRIPT_URL, SCRIPT_WEIGHT));
        configuration.bootstrapParameter("log", bootstrapParameter);
    }

    @Override
    public List<HttpEndpoint> endpoints() {
        return List.of(endpoint);
    }
}
