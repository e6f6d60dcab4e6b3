package org.thywill.benchmark.client;

import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.thywill.benchmark.Scenario;
import org.thywill.benchmark.ServerKind;

/**
 * How the load generator speaks to one kind of Bayeux server: its endpoint, what a handshake carries, where
 * echoes and commands go, and how answers are shaped. The data itself is the same for every server.
 */
public interface Dialect {

    /** @return the Bayeux endpoint's path, such as {@code /cometd} */
    String path();

    /**
     * @param scenario the scenario the client takes part in
     * @return fields to add to the handshake
     */
    Map<String, Object> handshake(Scenario scenario);

    /** @return the channel echo messages are published on */
    String echoChannel();

    /** @return the channel commands ({@code join}, {@code broadcast}, {@code stats}) are published on */
    String commandChannel();

    /** @return the channels (wildcards allowed) on which the server's messages arrive */
    List<String> receiveChannels();

    /**
     * @param data a message's data
     * @return what to publish for it
     */
    Object outgoing(Map<String, Object> data);

    /**
     * @param message a message the server delivered
     * @return its data; a server error becomes {@code {"error": ...}}
     */
    Map<String, Object> incoming(Message message);

    /** @return whether clients use CometD's acknowledge extension, as the browser library does */
    default boolean cometdAck() {
        return acknowledges();
    }

    /** @return whether clients of this dialect acknowledge the numbered messages they handle */
    default boolean acknowledges() {
        return false;
    }

    /**
     * @param message a message that arrived
     * @return its {@code seq}, or -1 for an unnumbered message
     */
    default long seq(Message message) {
        return -1;
    }

    /**
     * @param seq the last seq handled
     * @return the acknowledgement to publish on the numbering application's service channel
     */
    default Object ack(long seq) {
        throw new UnsupportedOperationException("This dialect does not acknowledge");
    }

    /**
     * @param application the application that numbered the messages
     * @param seq the last seq handled
     * @return the {@code ext} fields of a {@code /meta/connect} that acknowledges it
     */
    default Map<String, Object> connectAck(String application, long seq) {
        throw new UnsupportedOperationException("This dialect does not acknowledge");
    }

    /**
     * @param server a Bayeux server kind
     * @param acknowledge whether clients acknowledge as browsers do: Thywill's numbered messages, and CometD's
     *                    acknowledge extension
     * @return its dialect
     */
    static Dialect of(ServerKind server, boolean acknowledge) {
        return switch (server) {
            case THYWILL, THYWILL_REDIS -> new ThywillDialect(acknowledge);
            case COMETD -> new CometdDialect(acknowledge);
            case SOCKETIO -> throw new IllegalArgumentException("Socket.IO is loaded by its own Node client.");
        };
    }
}
