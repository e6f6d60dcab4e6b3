package org.thywill.client.cometd.auth;

import java.util.Optional;
import java.util.function.Consumer;
import org.cometd.bayeux.server.SecurityPolicy;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.thywill.api.auth.Authenticator;
import org.thywill.api.auth.User;

/**
 * Puts authentication into a BayeuxServer in one call, so the Client Interface that owns the server needs only
 * that call and {@link #user}: the authenticating security policy, the replies, the refresh channel and expiry.
 */
public final class ConnectionAuthentication {

    private ConnectionAuthentication() {
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
        CredentialCheck check = new CredentialCheck(authenticator, new HandshakeCredentials(sessionCookie),
                new Expiries(bayeux, serverEnds));
        bayeux.addExtension(new AuthReplies());
        bayeux.setSecurityPolicy(new AuthenticatingPolicy(rules, check));
        bayeux.addListener(new TokenRefresh(check, applicationAttribute));
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
}
