package org.thywill.client.cometd.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.SecurityPolicy;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.auth.Authentication;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.auth.User;
import org.thywill.http.auth.AuthMessages;
import org.thywill.http.auth.CredentialCheck;
import org.thywill.http.auth.Expiries;

/**
 * Authentication on Bayeux sessions, put into a BayeuxServer in one call ({@link #install}), so the Client
 * Interface that owns the server needs only that call and {@link #user}. The {@link CredentialCheck} reads the
 * credentials of a Bayeux message and the HTTP request that carried it; the {@link Expiries} end an expired session
 * after sending it {@code {"code":"token-expired","message":...}} on {@value #EXPIRED_CHANNEL}, as the server ends
 * one.
 */
public final class ConnectionAuthentication {

    /** Where the page is told its connection is closing because its token expired. */
    static final String EXPIRED_CHANNEL = "/service/thywill/auth/expired";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionAuthentication.class);

    private final CredentialCheck check;
    private final BayeuxServerImpl bayeux;
    private final Expiries<String> expiries;
    private final Consumer<ServerSession> serverEnds;

    private ConnectionAuthentication(CredentialCheck check, BayeuxServerImpl bayeux,
                                     Consumer<ServerSession> serverEnds) {
        this.check = check;
        this.bayeux = bayeux;
        this.expiries = new Expiries<>(bayeux::schedule);
        this.serverEnds = serverEnds;
    }

    /**
     * Installs authentication. Call before Thywill's own extensions are added (its replies are merged after
     * theirs) and in place of {@link BayeuxServerImpl#setSecurityPolicy}.
     *
     * @param bayeux the server, not started yet
     * @param rules the security policy that decides everything but authentication
     * @param authenticator the authentication slot's component
     * @param sessionCookie the name of Thywill's session cookie, which is not passed to the authenticator
     * @param applicationAttribute the session attribute in which {@code rules} records a connection's application
     * @param serverEnds told of a session just before it is ended because its credentials expired, so that its
     *                   end is reported as the server's doing
     */
    public static void install(BayeuxServerImpl bayeux, SecurityPolicy rules, Authenticator authenticator,
                               String sessionCookie, String applicationAttribute, Consumer<ServerSession> serverEnds) {
        ConnectionAuthentication auth = new ConnectionAuthentication(new CredentialCheck(authenticator,
                sessionCookie), bayeux, serverEnds);
        bayeux.addExtension(new AuthReplies());
        bayeux.addListener(new BayeuxServer.SessionListener() {
            @Override
            public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
                auth.expiries.cancel(session.getId());
            }
        });
        bayeux.setSecurityPolicy(new AuthenticatingPolicy(rules, auth));
        bayeux.addListener(new TokenRefresh(auth, applicationAttribute));
    }

    /**
     * @param session a session whose handshake was accepted
     * @return the user its credentials named, empty for an anonymous one
     */
    @SuppressWarnings("unchecked")
    public static Optional<User> user(ServerSession session) {
        return session.getAttribute(AuthenticatingPolicy.USER) instanceof Optional<?> user
                ? (Optional<User>) user : Optional.empty();
    }

    /** @return the outcome for a handshake's {@code ext.thywill.token} */
    CompletionStage<Authentication> handshake(String applicationId, ServerMessage handshake) {
        Object token = handshake.getExt() != null && handshake.getExt().get("thywill") instanceof Map<?, ?> thywill
                ? thywill.get("token") : null;
        BayeuxContext context = handshake.getBayeuxContext();
        return check.connect(applicationId, token, cookies(context), context == null ? null
                : context.getRemoteAddress());
    }

    /** @return the outcome for a refresh's {@code data.token}, which must name the connection's user */
    CompletionStage<Authentication> refresh(String applicationId, ServerMessage refresh, Optional<User> user) {
        Map<String, Object> data = refresh.getDataAsMap();
        BayeuxContext context = refresh.getBayeuxContext();
        return check.refresh(applicationId, data == null ? null : data.get("token"), cookies(context),
                context == null ? null : context.getRemoteAddress(), user);
    }

    private static List<String> cookies(BayeuxContext context) {
        return context == null ? null : context.getHeaderValues("Cookie");
    }

    /** Closes the session when the accepted credentials expire, in place of any earlier moment. */
    void accepted(ServerSession session, Authentication.Accepted accepted) {
        accepted.expires().ifPresent(at -> expiries.closeAt(session.getId(), at, () -> expire(session)));
    }

    private void expire(ServerSession session) {
        if (bayeux.getSession(session.getId()) == null) {
            return;
        }
        LOG.debug("Closing connection {}: its token expired and was not refreshed", session.getId());
        serverEnds.accept(session);
        session.deliver(null, EXPIRED_CHANNEL, AuthMessages.expired(),
                Promise.from(delivered -> session.disconnect(), failure -> session.disconnect()));
    }
}
