package org.thywill.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.thywill.api.client.SessionId;

/**
 * Everything one page load needs, filled by each component in {@link Slot} order and rendered by the kernel: the
 * bootstrap parameters (passed to the browser as JSON) and resources, then the application's.
 *
 * <p>One instance serves one request on one thread; it is not thread-safe.
 */
public final class ClientConfiguration {

    private final String applicationId;
    private final SessionId session;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, Object> bootstrapParameters = new LinkedHashMap<>();
    private final List<ClientResource> bootstrapResources = new ArrayList<>();
    private final Map<String, Object> applicationParameters = new LinkedHashMap<>();
    private final List<ClientResource> applicationResources = new ArrayList<>();
    private String title;
    private String body = "";

    /**
     * @param applicationId the application the page is for
     * @param session the browser's session
     */
    public ClientConfiguration(String applicationId, SessionId session) {
        this(applicationId, session, "/");
    }

    /**
     * @param applicationId the application the page is for
     * @param session the browser's session
     * @param path the path under the application's page the page is served for, such as {@code /items/42}
     * @throws IllegalArgumentException if the path does not start with {@code /}
     */
    public ClientConfiguration(String applicationId, SessionId session, String path) {
        this(applicationId, session, path, Map.of());
    }

    /**
     * @param applicationId the application the page is for
     * @param session the browser's session
     * @param path the path under the application's page the page is served for, such as {@code /items/42}
     * @param query the page's query parameters, decoded, the first value of each name
     * @throws IllegalArgumentException if the path does not start with {@code /}
     */
    public ClientConfiguration(String applicationId, SessionId session, String path, Map<String, String> query) {
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.session = Objects.requireNonNull(session, "session");
        this.path = Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A page path starts with '/', such as /items/42; not " + path + ".");
        }
        this.title = applicationId;
    }

    /** @return the path under the application's page the page is served for; {@code /} for its root */
    public String path() {
        return path;
    }

    /** @return the page's query parameters, decoded, the first value of each name, in the order sent */
    public Map<String, String> query() {
        return query;
    }

    /** @return the application the page is for */
    public String applicationId() {
        return applicationId;
    }

    /** @return the browser's session */
    public SessionId session() {
        return session;
    }

    /**
     * Sets a bootstrap parameter, readable in the browser as {@code thywill.config.bootstrap[name]}.
     *
     * @param name a name, by convention the component's slot key
     * @param value a JSON value: Map, List, String, Number, Boolean or null
     * @return this
     */
    public ClientConfiguration bootstrapParameter(String name, Object value) {
        bootstrapParameters.put(name, value);
        return this;
    }

    /**
     * Adds a bootstrap resource; those load before the application's, lightest weight first.
     *
     * @param resource the script or style
     * @return this
     */
    public ClientConfiguration bootstrapResource(ClientResource resource) {
        bootstrapResources.add(Objects.requireNonNull(resource));
        return this;
    }

    /**
     * Sets an application parameter, readable in the browser as {@code thywill.config.application[name]}.
     *
     * @param name the parameter's name
     * @param value a JSON value
     * @return this
     */
    public ClientConfiguration applicationParameter(String name, Object value) {
        applicationParameters.put(name, value);
        return this;
    }

    /**
     * Adds an application resource; those load after every bootstrap resource, in the order added.
     *
     * @param resource the script or style
     * @return this
     */
    public ClientConfiguration applicationResource(ClientResource resource) {
        applicationResources.add(Objects.requireNonNull(resource));
        return this;
    }

    /**
     * @param title the page's title, shown as text
     * @return this
     */
    public ClientConfiguration title(String title) {
        this.title = Objects.requireNonNull(title);
        return this;
    }

    /**
     * @param html the HTML placed in the page's body, from the application's own resources
     * @return this
     */
    public ClientConfiguration body(String html) {
        this.body = Objects.requireNonNull(html);
        return this;
    }

    /** @return the bootstrap parameters, in insertion order */
    public Map<String, Object> bootstrapParameters() {
        return Collections.unmodifiableMap(bootstrapParameters);
    }

    /** @return the bootstrap resources, lightest weight first (stable for equal weights) */
    public List<ClientResource> bootstrapResources() {
        List<ClientResource> sorted = new ArrayList<>(bootstrapResources);
        sorted.sort((a, b) -> Integer.compare(a.weight(), b.weight()));
        return sorted;
    }

    /** @return the application parameters, in insertion order */
    public Map<String, Object> applicationParameters() {
        return Collections.unmodifiableMap(applicationParameters);
    }

    /** @return the application resources, in the order added */
    public List<ClientResource> applicationResources() {
        return List.copyOf(applicationResources);
    }

    /** @return the page title */
    public String title() {
        return title;
    }

    /** @return the body HTML */
    public String body() {
        return body;
    }
}
