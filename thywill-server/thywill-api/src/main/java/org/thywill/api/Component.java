package org.thywill.api;

import java.util.List;
import org.thywill.api.http.HttpEndpoint;

/**
 * One implementation plugged into one {@link Slot}. Created by its {@link ComponentProvider}, started by the kernel
 * after the components it depends on and stopped before them.
 *
 * <p>Every method has a default, so an implementation overrides only what it needs.
 */
public interface Component {

    /**
     * Acquires resources: opens pools, starts threads, binds listeners. Called once, on the kernel's thread, after
     * every component this one depends on has started.
     *
     * @throws Exception when the component cannot start; the kernel then stops what already started
     */
    default void start() throws Exception {
    }

    /**
     * Releases what {@link #start()} acquired. Called once, in reverse start order, also after a failed start of a
     * later component. Must not throw for a component that never started.
     */
    default void stop() {
    }

    /**
     * Adds this component's bootstrap parameters and resources to a page being served. Called for every page load,
     * from a server thread, possibly concurrently; must be quick.
     *
     * @param configuration the page's configuration, filled by each slot in {@link Slot} order
     */
    default void contribute(ClientConfiguration configuration) {
    }

    /**
     * The HTTP endpoints this component serves through the Client Interface, such as scripts or a report URL.
     * Called once, after every component has started.
     *
     * @return the endpoints; empty by default
     */
    default List<HttpEndpoint> endpoints() {
        return List.of();
    }

    /**
     * Reports whether the component can work now, for {@code GET /thywill/health} and load balancers. Called
     * from a server thread whenever the endpoint is asked; must answer within a second or two (a database checks
     * a connection, for example) and must not throw.
     *
     * @return the component's state; up by default
     */
    default Health health() {
        return Health.up("running");
    }
}
