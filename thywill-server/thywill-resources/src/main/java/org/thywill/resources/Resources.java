package org.thywill.resources;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.thywill.api.ThywillException;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ClientSide;
import org.thywill.api.application.PageRequest;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpResponse;

/**
 * The live resources of one application. Declare them before the application starts, hand the application's
 * callbacks to it, and each becomes a REST resource, a channel of changes and a generated page:
 *
 * <pre>{@code
 * private final Resources resources = new Resources()
 *         .record("posts", Post.class, AccessRule.EVERYONE)      // a record: the library makes its table
 *         .table("users", "twooter_user");                       // a table of a migration; READ_ONLY
 *
 * public List<HttpEndpoint> endpoints() { return resources.endpoints("blog"); }
 * public ApplicationDescriptor descriptor() {
 *     return new ApplicationDescriptor("blog", "Blog", resources.clientSide(ClientSide.none()));
 * }
 * public Optional<HttpResponse> beforePage(PageRequest r) { return resources.beforePage(r); }
 * public void start(ApplicationContext c) throws Exception { resources.start(c); }
 * }</pre>
 *
 * <p>and two public methods annotated {@code @Callable("resources.watch")} and {@code @Callable("resources.unwatch")}
 * that pass their arguments to {@link #watch} and {@link #unwatch}.
 *
 * <p>{@link ResourceApplication} does all of that. Thread-safe once started.
 */
public final class Resources {

    /** The class-path folder of the generated pages' script and style, under {@link #CLIENT_FOLDER}. */
    public static final String CLIENT_FOLDER = "thywill";
    static final String SCRIPT = "resources/resources.js";
    static final String STYLE = "resources/resources.css";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern PAGE = Pattern.compile("/resources/(?:([a-z][a-z0-9_-]{0,31})/?)?");

    private final Map<String, Resource> resources = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile ApplicationContext context;

    /**
     * Declares a resource that anyone may read and nobody may change through the REST API
     * ({@link AccessRule#READ_ONLY}).
     *
     * @param name the resource's name in URLs and channels: lower-case letters, digits, '_' and '-'
     * @param table the application's table it serves, with a primary key of one column
     * @return this
     */
    public Resources table(String name, String table) {
        return table(name, table, AccessRule.READ_ONLY);
    }

    /**
     * Declares a resource.
     *
     * @param name the resource's name in URLs and channels: lower-case letters, digits, '_' and '-'
     * @param table the application's table it serves, with a primary key of one column
     * @param rule who may do what through the REST API and watch it
     * @return this
     * @throws IllegalArgumentException for a name that is not valid or already declared
     * @throws IllegalStateException once started
     */
    public Resources table(String name, String table, AccessRule rule) {
        return add(new Resource(name, table, java.util.Objects.requireNonNull(rule, "rule"), null));
    }

    private Resources add(Resource resource) {
        String name = resource.name();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A resource name is 1 to 32 lower-case letters, digits, '_' and '-',"
                    + " starting with a letter; not '" + name + "'.");
        }
        if (context != null) {
            throw new IllegalStateException("Declare resources before the application starts.");
        }
        if (resources.putIfAbsent(name, resource) != null) {
            throw new IllegalArgumentException("The resource '" + name + "' is declared twice.");
        }
        return this;
    }

    /**
     * Declares a resource from a record that anyone may read and nobody may change through the REST API
     * ({@link AccessRule#READ_ONLY}); see {@link #record(String, Class, AccessRule)}.
     *
     * @param name the resource's name in URLs and channels: lower-case letters, digits, '_' and '-'
     * @param type the record whose components are the table's columns
     * @return this
     */
    public Resources record(String name, Class<? extends Record> type) {
        return record(name, type, AccessRule.READ_ONLY);
    }

    /**
     * Declares a resource from a record: a column per component (its name in snake case: {@code userName} is
     * {@code user_name}), typed by the component's type, {@code NOT NULL} unless {@link Nullable}, keyed by the
     * component {@code id} or the one marked {@link Key}, with {@link MaxLength}, {@link Default}, {@link Unique},
     * {@link References} and {@link Label} saying what the type cannot. When the application starts, the library
     * creates the table if it does not exist, and otherwise checks that it matches the record.
     *
     * @param name the resource's name in URLs and channels: lower-case letters, digits, '_' and '-'
     * @param type the record whose components are the table's columns
     * @param rule who may do what through the REST API and watch it
     * @return this
     * @throws ThywillException naming the component whose type or annotation cannot be used
     * @throws IllegalArgumentException for a name that is not valid or already declared
     */
    public Resources record(String name, Class<? extends Record> type, AccessRule rule) {
        RecordTable declared = RecordTable.of(type);
        if (all().stream().anyMatch(r -> r.declared() != null && r.declared().type() == type)) {
            throw new IllegalArgumentException("The record " + type.getName() + " is declared twice.");
        }
        return add(new Resource(name, declared.table(), java.util.Objects.requireNonNull(rule, "rule"), declared));
    }

    /**
     * Makes the tables of the record resources that do not exist yet, reads each table's schema, checks each
     * record against its table and finds the relations. Call it from {@code Application.start}, after which the
     * REST API answers.
     *
     * @param context the application's context
     * @throws ThywillException naming the resource whose table is missing or unusable, or the column where a record
     *                          and its table differ
     */
    public void start(ApplicationContext context) {
        RecordTables tables = new RecordTables(context.applicationId(), all());
        try {
            tables.createMissing(context.dataSource());
        } catch (SQLException e) {
            throw new ThywillException("Could not create the tables of the resources of '" + context.applicationId()
                    + "': " + e.getMessage(), e);
        }
        for (Resource resource : all()) {
            try {
                resource.start(context);
                tables.check(resource);
            } catch (SQLException e) {
                throw new ThywillException("Resource '" + resource.name() + "': could not read the schema of table '"
                        + resource.table() + "': " + e.getMessage(), e);
            }
        }
        for (Resource resource : all()) {
            resource.relate(all());
        }
        this.context = context;
    }

    /**
     * @param name a resource's name
     * @return the resource, to change rows from the application's code
     * @throws IllegalArgumentException if none has that name
     */
    public Resource resource(String name) {
        Resource resource = resources.get(name);
        if (resource == null) {
            throw new IllegalArgumentException("No resource is named '" + name + "'; declared: " + names() + ".");
        }
        return resource;
    }

    Optional<Resource> find(String name) {
        return Optional.ofNullable(resources.get(name));
    }

    /** @return the resources, in the order declared */
    public List<Resource> all() {
        synchronized (resources) {
            return new ArrayList<>(resources.values());
        }
    }

    private List<String> names() {
        return all().stream().map(Resource::name).toList();
    }

    /**
     * @param applicationId the application's id
     * @return the REST endpoint, serving {@code /api/{applicationId}/}
     */
    public List<HttpEndpoint> endpoints(String applicationId) {
        return List.of(new ResourceEndpoint(applicationId, this));
    }

    /**
     * The application's browser side with the generated pages' script and style added first. The application's
     * own files must sit under the class-path folder {@value #CLIENT_FOLDER}, named relative to it (such as
     * {@code twooter/twooter.js}).
     *
     * @param own the application's own body, scripts and styles, in folder {@value #CLIENT_FOLDER} (or
     *            {@link ClientSide#none()})
     * @return the combined browser side
     * @throws IllegalArgumentException if the application's files are in another folder
     */
    public ClientSide clientSide(ClientSide own) {
        boolean none = own.body() == null && own.scripts().isEmpty() && own.styles().isEmpty();
        if (!none && !own.folder().equals(CLIENT_FOLDER)) {
            throw new IllegalArgumentException("An application with resources keeps its browser files under the"
                    + " class-path folder '" + CLIENT_FOLDER + "' and names them relative to it (such as"
                    + " my-app/my-app.js); not in '" + own.folder() + "'.");
        }
        List<String> scripts = new ArrayList<>(List.of(SCRIPT));
        scripts.addAll(own.scripts());
        List<String> styles = new ArrayList<>(List.of(STYLE));
        styles.addAll(own.styles());
        return new ClientSide(CLIENT_FOLDER, own.body(), scripts, styles);
    }

    /**
     * Answers 404 for a generated page of a resource that does not exist ({@code /resources/{name}}); serves
     * every other page.
     *
     * @param request the page asked for
     * @return a 404, or empty to serve the page
     */
    public Optional<HttpResponse> beforePage(PageRequest request) {
        var m = PAGE.matcher(request.path());
        if (request.path().startsWith("/resources/") && (!m.matches()
                || m.group(1) != null && !resources.containsKey(m.group(1)))) {
            return Optional.of(HttpResponse.text(404, "There is no resource at " + request.path() + "; resources: "
                    + names() + "."));
        }
        return Optional.empty();
    }

    /**
     * Makes the caller's session watch a resource, or one row of it: every change is sent to it (to each of its
     * tabs, through its inbox, so a reloading page misses none) until {@link #unwatch}. Checks the rule:
     * {@link Operation#LIST} for the resource, {@link Operation#READ} for a row.
     *
     * @param caller the page's connection
     * @param resource the resource's name
     * @param id a row's primary key, or null for the whole resource
     * @return {@code {"channel": ...}} when watching, or {@code {"error": {"status", "message"}}} when refused
     */
    public Map<String, Object> watch(Connection caller, String resource, Object id) {
        return onChannel(caller, resource, id, (channel, connection) -> context().join(channel, connection));
    }

    /**
     * Ends what {@link #watch} began, for every tab of the caller's session.
     *
     * @param caller the page's connection
     * @param resource the resource's name
     * @param id a row's primary key, or null for the whole resource
     * @return {@code {"channel": ...}}, or {@code {"error": ...}}
     */
    public Map<String, Object> unwatch(Connection caller, String resource, Object id) {
        return onChannel(caller, resource, id, (channel, connection) -> context().leave(channel, connection));
    }

    /** Joins or leaves the channel of a resource or row, as {@code change} does, once the rule allows it. */
    private Map<String, Object> onChannel(Connection caller, String resource, Object id,
                                          BiConsumer<String, ConnectionId> change) {
        try {
            String channel = channelFor(caller, resource, id);
            change.accept(channel, caller.id());
            return Map.of("channel", channel);
        } catch (ResourceException e) {
            return e.body();
        }
    }

    private String channelFor(Connection caller, String name, Object id) {
        Resource resource = find(String.valueOf(name)).orElseThrow(() -> new ResourceException(404, null,
                "There is no resource '" + name + "'; resources: " + names() + "."));
        resource.check(id == null ? Operation.LIST : Operation.READ, Caller.of(caller));
        if (id == null) {
            return resource.channel();
        }
        return resource.rowChannel(id).orElseThrow(() -> new ResourceException(400, "id", "The row " + id
                + " cannot be watched alone; watch the whole resource."));
    }

    private ApplicationContext context() {
        ApplicationContext c = context;
        if (c == null) {
            throw new ResourceException(503, null, "The resources are not started yet.");
        }
        return c;
    }

    /** @return the schema document: every resource with its columns */
    Map<String, Object> describe(String applicationId) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Resource resource : all()) {
            Map<String, Object> d = new LinkedHashMap<>(resource.describe());
            d.put("url", "/api/" + applicationId + "/" + resource.name());
            d.put("page", "/thywill/init/" + applicationId + "/resources/" + resource.name());
            list.add(d);
        }
        return Map.of("resources", list);
    }

    boolean started() {
        return context != null;
    }
}
