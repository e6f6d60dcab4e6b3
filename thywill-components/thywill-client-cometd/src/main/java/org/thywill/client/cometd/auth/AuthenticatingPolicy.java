package org.thywill.client.cometd.auth;

import java.util.Map;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.SecurityPolicy;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.auth.Authentication;
import org.thywill.http.auth.AuthMessages;

/**
 * Thywill's security policy with authentication in front: a handshake is first checked by the
 * {@link org.thywill.api.auth.Authenticator}, asynchronously, and only an accepted one goes on to the other rules
 * (a running application, the connection limits); a refused one gets {@code 401:code:message} and
 * {@code ext.thywill.error}, and no session.
 * Publishing to {@value TokenRefresh#CHANNEL} is allowed to every connected page.
 */
final class AuthenticatingPolicy implements SecurityPolicy {

    /** The session attribute holding the connection's {@code Optional<User>}. */
    static final String USER = "thywill.user";

    private final SecurityPolicy rules;
    private final ConnectionAuthentication check;

    AuthenticatingPolicy(SecurityPolicy rules, ConnectionAuthentication check) {
        this.rules = rules;
        this.check = check;
    }

    @Override
    public void canHandshake(BayeuxServer server, ServerSession session, ServerMessage message,
                             Promise<Boolean> promise) {
        if (session.isLocalSession()) {
            rules.canHandshake(server, session, message, promise);
            return;
        }
        String application = applicationOf(message);
        check.handshake(application, message).thenAccept(outcome -> {
            if (outcome instanceof Authentication.Refused refused) {
                ServerMessage.Mutable reply = message.getAssociated();
                AuthReplies.refuse(reply, refused);
                if (reply != null) {
                    boolean retry = AuthMessages.retries(refused);
                    Map<String, Object> advice = reply.getAdvice(true);
                    advice.put(Message.RECONNECT_FIELD, retry ? Message.RECONNECT_HANDSHAKE_VALUE
                            : Message.RECONNECT_NONE_VALUE);
                    advice.put(Message.INTERVAL_FIELD, retry ? AuthMessages.UNAVAILABLE_RETRY_MILLIS : 0L);
                }
                promise.succeed(false);
                return;
            }
            Authentication.Accepted accepted = (Authentication.Accepted) outcome;
            rules.canHandshake(server, session, message, Promise.from(allowed -> {
                if (allowed) {
                    session.setAttribute(USER, accepted.user());
                    session.setAttribute(AuthReplies.HANDSHAKE_AUTH,
                            AuthMessages.accepted(accepted.user(), accepted.expires()));
                    check.accepted(session, accepted);
                }
                promise.succeed(allowed);
            }, promise::fail));
        }).exceptionally(failure -> {
            promise.fail(failure);
            return null;
        });
    }

    private static String applicationOf(ServerMessage message) {
        Map<String, Object> ext = message.getExt();
        if (ext != null && ext.get("thywill") instanceof Map<?, ?> thywill
                && thywill.get("application") instanceof String id) {
            return id;
        }
        return "";
    }

    @Override
    public void canCreate(BayeuxServer server, ServerSession session, String channelId, ServerMessage message,
                          Promise<Boolean> promise) {
        if (TokenRefresh.CHANNEL.equals(channelId) && session != null) {
            promise.succeed(true);
        } else {
            rules.canCreate(server, session, channelId, message, promise);
        }
    }

    @Override
    public void canSubscribe(BayeuxServer server, ServerSession session, ServerChannel channel,
                             ServerMessage message, Promise<Boolean> promise) {
        rules.canSubscribe(server, session, channel, message, promise);
    }

    @Override
    public void canPublish(BayeuxServer server, ServerSession session, ServerChannel channel, ServerMessage message,
                           Promise<Boolean> promise) {
        if (TokenRefresh.CHANNEL.equals(channel.getId()) && session != null) {
            promise.succeed(true);
        } else {
            rules.canPublish(server, session, channel, message, promise);
        }
    }
}
