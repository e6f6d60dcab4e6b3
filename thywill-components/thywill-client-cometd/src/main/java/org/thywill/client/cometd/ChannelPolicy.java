package org.thywill.client.cometd;

import java.util.List;
import java.util.Map;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.DefaultSecurityPolicy;
import org.thywill.api.Bootstrap;
import org.thywill.api.push.Envelopes;

/**
 * Thywill's rules for remote clients: a handshake must name a running application (or none, for the default one);
 * a client may publish only to {@code /service/thywill/{appId}} and may subscribe to nothing, because the server
 * alone decides channel membership.
 */
final class ChannelPolicy extends DefaultSecurityPolicy {

    static final String SERVICE_PREFIX = "/service/thywill/";
    static final String APPLICATION_ATTRIBUTE = "thywill.application";

    private final Bootstrap bootstrap;

    ChannelPolicy(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    @Override
    public boolean canHandshake(BayeuxServer server, ServerSession session, ServerMessage message) {
        if (session.isLocalSession()) {
            return true;
        }
        List<String> running = bootstrap.applicationIds();
        Object requested = requestedApplication(message);
        String application = requested instanceof String s ? s : (running.isEmpty() ? null : running.get(0));
        if (application == null || !running.contains(application)) {
            ServerMessage.Mutable reply = message.getAssociated();
            if (reply != null) {
                reply.getExt(true).put("thywill", Map.of("error", Map.of("code", "unknown-application",
                        "message", "No running application has the id '" + requested + "'. Running: " + running)));
            }
            return false;
        }
        session.setAttribute(APPLICATION_ATTRIBUTE, application);
        return true;
    }

    private static Object requestedApplication(ServerMessage message) {
        Map<String, Object> ext = message.getExt();
        if (ext != null && ext.get("thywill") instanceof Map<?, ?> thywill) {
            return thywill.get("application");
        }
        return null;
    }

    @Override
    public boolean canCreate(BayeuxServer server, ServerSession session, String channelId, ServerMessage message) {
        return session == null || session.isLocalSession() || isApplicationService(channelId);
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
