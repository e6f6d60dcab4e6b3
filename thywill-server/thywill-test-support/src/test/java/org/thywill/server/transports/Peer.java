package org.thywill.server.transports;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thywill.testing.TestClient;

/**
 * One client of either Client Interface, as the scenarios of {@link BothClientInterfacesTest} drive it, so that the
 * same scenario runs against both: a Bayeux client ({@link TestClient}) or a plain-WebSocket one.
 */
interface Peer extends AutoCloseable {

    /**
     * @param data a message for the application
     * @return true if the server took it, false if it refused it (the refusal's error is then delivered or answered)
     */
    boolean send(Object data);

    /**
     * @param application an application's id
     * @param envelope an envelope
     * @return the error code the server answered with, if it refused
     */
    Optional<String> sendTo(String application, Map<String, Object> envelope);

    /**
     * @param application the application
     * @param name a callable function
     * @param args its arguments
     * @return the answer's envelope
     */
    Map<String, Object> call(String application, String name, List<Object> args);

    /** @return the error code the server answered a malformed frame or message with */
    String sendMalformed();

    /** How long {@link #next()} waits, as both clients' own {@code next()} does. */
    Duration WAIT = Duration.ofSeconds(10);

    /** @return the next delivery, waiting up to {@link #WAIT}; fails the test if none arrives */
    default TestClient.Delivery next() {
        return next(WAIT).orElseThrow(() -> new AssertionError("No message arrived within " + WAIT));
    }

    /**
     * @param wait how long to wait
     * @return the next delivery, if one came in time
     */
    Optional<TestClient.Delivery> next(Duration wait);

    /** @return the session's id, as an application names it in a Target */
    String session();

    /** @return another connection of the same session (a second tab, a second socket) */
    Peer sameSession();

    /** Vanishes without a goodbye. */
    void cut();

    /** @return a new connection of this client after a cut, saying what it handled */
    Peer reconnect();

    @Override
    void close();

    /** @return the data of the next delivery, a message */
    default Object nextMessage() {
        TestClient.Delivery d = next();
        if (!"message".equals(d.type())) {
            throw new AssertionError("Expected a message but got " + d);
        }
        return d.data();
    }
}
