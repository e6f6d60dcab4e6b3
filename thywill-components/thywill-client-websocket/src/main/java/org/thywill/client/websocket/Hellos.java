package org.thywill.client.websocket;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.Bootstrap;
import org.thywill.api.auth.Authentication;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.auth.Credentials;
import org.thywill.api.auth.User;
import org.thywill.api.client.ClientMessageException;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.database.SessionStore;
import org.thywill.delivery.ClientDelivery;

/**
 * Answers a {@code hello}: checks the application and the credentials (the Authenticator, as at a Bayeux handshake),
 * finds the session to resume (by its id, else the upgrade's cookie) or makes one, and welcomes the connection.
 */
final class Hellos {

    private static final Logger LOG = LoggerFactory.getLogger(Hellos.class);
    /** The longest token a hello may carry, as over Bayeux. */
    static final int MAX_TOKEN = 16 * 1024;
    /** The transport applications see in {@link Connection#transport()}. */
    static final String TRANSPORT = "plain-websocket";

    private final WebSocketClientInterface server;
    private final Bootstrap bootstrap;
    private final Authenticator authenticator;
    private final SessionStore sessions;
    private final SecureRandom random = new SecureRandom();

    Hellos(WebSocketClientInterface server, Bootstrap bootstrap, Authenticator authenticator, SessionStore sessions) {
        this.server = server;
        this.bootstrap = bootstrap;
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    /**
     * @param socket the socket that said hello
     * @param frame the hello
     * @param ref its ref, or null
     * @throws FrameException when the hello is not of its shape; the socket may say hello again
     */
    void hello(PlainSocket socket, Map<String, Object> frame, String ref) throws FrameException {
        try {
            String application = application(frame);
            Object token = frame.get("token");
            if (token != null && (!(token instanceof String t) || t.length() > MAX_TOKEN)) {
                throw new FrameException(FrameException.BAD_FRAME, "\"token\" is a string of at most " + MAX_TOKEN
                        + " characters.");
            }
            if (frame.get("session") != null && !(frame.get("session") instanceof String)) {
                throw new FrameException(FrameException.BAD_FRAME, "\"session\" is the id a welcome gave, a string.");
            }
            Map<String, String> cookies = new HashMap<>(socket.upgrade().cookies());
            String cookieSession = cookies.remove(server.settings().sessionCookie());
            Credentials credentials = new Credentials(application, Optional.ofNullable((String) token), cookies,
                    socket.upgrade().address());
            authenticator.authenticate(credentials).whenComplete((outcome, failure) -> {
                if (outcome instanceof Authentication.Accepted accepted) {
                    welcome(socket, frame, ref, application, accepted,
                            Optional.ofNullable((String) frame.get("session")).or(() ->
                                    Optional.ofNullable(cookieSession)));
                } else {
                    Authentication.Refused refused = outcome instanceof Authentication.Refused r ? r
                            : new Authentication.Refused(Authentication.UNAVAILABLE, "The sign-in could not be"
                                    + " checked now; try again in a few seconds.");
                    if (failure != null) {
                        LOG.error("The Authenticator failed instead of refusing", failure);
                    }
                    socket.send(Frames.problem("error", ref, refused.code(), refused.message()));
                    socket.end(PlainSocket.UNAUTHORIZED, refused.code(), refused.message());
                }
            });
        } catch (FrameException e) {
            socket.helloRefused();
            throw e;
        }
    }

    private String application(Map<String, Object> frame) throws FrameException {
        if (!(frame.get("application") instanceof String application)) {
            throw new FrameException(FrameException.BAD_FRAME, "A hello names its application:"
                    + " {\"op\":\"hello\",\"application\":\"echo\"}.");
        }
        if (!bootstrap.applicationIds().contains(application)) {
            throw new FrameException(ClientMessageException.UNKNOWN_APPLICATION, "No application '"
                    + (application.length() > 64 ? application.substring(0, 64) + "..." : application)
                    + "' runs here; the applications are " + String.join(", ", bootstrap.applicationIds()) + ".");
        }
        return application;
    }

    private void welcome(PlainSocket socket, Map<String, Object> frame, String ref, String application,
                         Authentication.Accepted accepted, Optional<String> resume) {
        SessionId session = resume.flatMap(sessions::find).orElseGet(sessions::createForConnection);
        sessions.active(session);
        Connection connection = new Connection(new ConnectionId("ws-" + randomId()), session, application,
                TRANSPORT, socket.upgrade().address(), accepted.user());
        Map<String, Object> welcome = Frames.frame("welcome", ref);
        welcome.put("session", session.value());
        welcome.put("connection", connection.id().value());
        welcome.put("serverTime", System.currentTimeMillis());
        welcome.put("user", accepted.user().map(User::id).orElse(null));
        accepted.expires().ifPresent(expires -> welcome.put("expires", expires.toEpochMilli()));
        if (!socket.welcome(connection)) {
            return;
        }
        boolean acknowledges = Boolean.TRUE.equals(frame.get("ack"));
        // Told of before the client can read its welcome, so that a message sent to its session as soon as the
        // client has it reaches it too; what reaches it meanwhile (a replay) waits for the welcome.
        server.connected(socket, connection, acknowledges,
                ClientDelivery.handled(frame.get("handled"), bootstrap.applicationIds()));
        socket.welcomed(welcome);
        accepted.expires().ifPresent(expires -> server.timers().schedule(() -> socket.end(PlainSocket.UNAUTHORIZED,
                        Authentication.EXPIRED, "The sign-in of this connection expired; say hello again with a new"
                                + " token."),
                Math.max(0, expires.toEpochMilli() - Instant.now().toEpochMilli()), TimeUnit.MILLISECONDS));
    }

    private String randomId() {
        byte[] bits = new byte[12];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
