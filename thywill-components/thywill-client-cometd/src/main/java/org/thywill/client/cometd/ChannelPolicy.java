package org.thywill.client.cometd;

import java.util.List;
import java.util.Map;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ConfigurableServerChannel;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.DefaultSecurityPolicy;
import org.thywill.api.Bootstrap;
import org.thywill.api.application.RpcEnvelopes;
import org.thywill.api.client.ClientMessageException;
import org.thywill.api.push.Envelopes;

/**
 * Thywill's rules for remote clients: a handshake must name a running application (or none, for the default one)
 * and be within the {@link HandshakeLimits}; a client may publish only to {@code /service/thywill/{appId}} of a
 * running application and may subscribe to nothing, because the server alone decides channel membership. A publish to another application's service
 * channel is refused before CometD creates the channel, and answered with {@code unknown-application}; the service
 * channels that exist are not persistent, so CometD's sweeper removes each within a few seconds (the next message
 * makes it again, checked anew), and an undeployed application's channel goes with it.
 */
final class ChannelPolicy extends DefaultSecurityPolicy implements BayeuxServer.ChannelListener {

    static final String SERVICE_PREFIX = "/service/thywill/";
    static final String APPLICATION_ATTRIBUTE = "thywill.application";

    private final Bootstrap bootstrap;
    private final HandshakeLimits limits;

    ChannelPolicy(Bootstrap bootstrap, HandshakeLimits limits) {
        this.bootstrap = bootstrap;
        this.limits = limits;
    }

    @Override
    public boolean canHandshake(BayeuxServer server, ServerSession session, ServerMessage message) {
        if (session.isLocalSession()) {
            return true;
        }
        List<String> running = bootstrap.applicationIds();
        Object requested = ThywillExt.of(message).get("application");
        String application = requested instanceof String s ? s : (running.isEmpty() ? null : running.get(0));
        if (application == null || !running.contains(application)) {
            ServerMessage.Mutable reply = message.getAssociated();
            if (reply != null) {
                reply.getExt(true).put("thywill", Map.of("error", Map.of("code", "unknown-application",
                        "message", "No running application has the id '" + requested + "'. Running: " + running)));
            }
            return false;
        }
        if (!limits.admit(session, message)) {
            return false;
        }
        session.setAttribute(APPLICATION_ATTRIBUTE, application);
        return true;
    }

    @Override
    public boolean canCreate(BayeuxServer server, ServerSession session, String channelId, ServerMessage message) {
        if (session == null || session.isLocalSession()) {
            return true;
        }
        if (!isApplicationService(channelId)) {
            return false;
        }
        String applicationId = channelId.substring(SERVICE_PREFIX.length());
        if (bootstrap.applicationIds().contains(applicationId)) {
            return true;
        }
        String reason = "No running application has the id '" + applicationId + "'; the message was dropped.";
        ServerMessage.Mutable reply = message.getAssociated();
        if (reply != null) {
            reply.getExt(true).put("thywill", Map.of("error", Map.of("code",
                    ClientMessageException.UNKNOWN_APPLICATION, "message", reason)));
        }
        Refusal.tell(session, message, ClientMessageException.UNKNOWN_APPLICATION, RpcEnvelopes.NOT_FOUND, reason);
        return false;
    }

    /** Lets CometD sweep an unused service channel, which it would otherwise keep until the server stops. */
    @Override
    public void configureChannel(ConfigurableServerChannel channel) {
        if (!channel.isWild() && channel.getId().startsWith(SERVICE_PREFIX)) {
            channel.setPersistent(false);
        }
    }

    @Override
    public boolean canSubscribe(BayeuxServer server, ServerSession session, ServerChannel channel,
                                ServerMessage message) {
        return session == null || session.isLocalSession();
    }

    @Override
    public boolean canPublish(BayeuxServer server, ServerSession session, ServerChannel channel,
                              ServerMessage message) {
        return session == null || session.isLocalSession() || isApplicationService(channel.getId());
    }

    /** @return whether a channel is an application's service channel: the prefix, then a name */
    static boolean isApplicationService(String channelId) {
        return channelId.startsWith(SERVICE_PREFIX) && Envelopes.isName(channelId, SERVICE_PREFIX.length());
    }
}
