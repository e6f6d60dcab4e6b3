package org.thywill.application.loader;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ApplicationInfo;
import org.thywill.api.application.Capability;
import org.thywill.api.application.ClientSide;
import org.thywill.api.application.PageOptions;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.http.HttpEndpoint;

/**
 * A deployed application: what it said about itself (asked once, so a later page or message cannot fail on it),
 * the connections its page opened while it ran, and its browser files, read once through its own class loader.
 */
final class RunningApplication {

    private final LoadedApplication loaded;
    private final String id;
    private final String title;
    private final ClientSide client;
    private final String migrations;
    private final List<HttpEndpoint> endpoints;
    private final Set<Capability> capabilities;
    private final PageOptions pageOptions;
    private final Set<ConnectionId> connections = ConcurrentHashMap.newKeySet();
    private final ClientFiles clientFiles;
    /** The files found, by name; a miss is not kept, so made-up names fill no memory. */
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    /**
     * @param loaded the instance
     * @throws RuntimeException or {@link LinkageError} when one of the application's descriptive methods throws
     */
    RunningApplication(LoadedApplication loaded) {
        this.loaded = loaded;
        Application application = loaded.application();
        ApplicationDescriptor descriptor = Objects.requireNonNull(application.descriptor(), "its descriptor is null");
        this.id = descriptor.id();
        this.title = descriptor.title();
        this.client = descriptor.client();
        this.clientFiles = new ClientFiles(client, application.getClass(), loaded.loader());
        this.migrations = application.migrations();
        List<HttpEndpoint> served = application.endpoints();
        this.endpoints = served == null ? List.of() : List.copyOf(served);
        Set<Capability> asked = application.capabilities();
        this.capabilities = asked == null ? Set.of() : Set.copyOf(asked);
        PageOptions options = application.pageOptions();
        this.pageOptions = options == null ? PageOptions.ORDINARY : options;
    }

    Application application() {
        return loaded.application();
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    /** @return the jar's file name, or {@code class path} */
    String source() {
        return loaded.source();
    }

    ClassLoader loader() {
        return loaded.loader();
    }

    ClientSide client() {
        return client;
    }

    /** @return the class-path folder of its migrations, or null */
    String migrations() {
        return migrations;
    }

    /** @return the HTTP endpoints it serves under {@code /api/{id}/} */
    List<HttpEndpoint> endpoints() {
        return endpoints;
    }

    /** @return whether it asked for the server's view ({@link Capability#ADMIN}), which only an operator grants */
    boolean asksForAdmin() {
        return capabilities.contains(Capability.ADMIN);
    }

    PageOptions pageOptions() {
        return pageOptions;
    }

    /** @return the connections whose page belongs to this instance; thread-safe */
    Set<ConnectionId> connections() {
        return connections;
    }

    ApplicationInfo info() {
        return new ApplicationInfo(id, title, loaded.source());
    }

    /**
     * @param name a path relative to the client folder
     * @return that browser file of the application (see {@link ClientFiles}), if it has one by that name
     */
    Optional<byte[]> file(String name) {
        byte[] known = files.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<byte[]> read = clientFiles.read(name);
        read.ifPresent(bytes -> files.put(name, bytes));
        return read;
    }

    Optional<String> body() {
        return client.body() == null ? Optional.empty()
                : file(client.body()).map(b -> new String(b, StandardCharsets.UTF_8));
    }
}
