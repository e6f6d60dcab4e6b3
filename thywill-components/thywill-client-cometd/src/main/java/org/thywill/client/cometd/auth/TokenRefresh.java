package org.thywill.client.cometd.auth;

import java.util.Optional;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.auth.Authentication;
import org.thywill.api.auth.User;
import org.thywill.http.auth.AuthMessages;

/**
 * A page's refresh of its token over the live connection: {@code {"token":...}} published on {@value #CHANNEL}.
 * A token the {@link org.thywill.api.auth.Authenticator} accepts for the connection's own user moves the
 * connection's expiry and the reply carries {@code ext.thywill.auth}; any other is refused in the reply, and the
 * connection keeps the expiry it had. Listens on the channel whenever CometD creates it (it sweeps it when unused).
 */
final class TokenRefresh implements ServerChannel.MessageListener, BayeuxServer.ChannelListener {

    /** Where a page publishes its new token. */
    static final String CHANNEL = "/service/thywill/auth/refresh";

    private final ConnectionAuthentication check;
    private final String applicationAttribute;

    TokenRefresh(ConnectionAuthentication check, String applicationAttribute) {
        this.check = check;
        this.applicationAttribute = applicationAttribute;
    }

    @Override
    public void channelAdded(ServerChannel channel) {
        if (CHANNEL.equals(channel.getId())) {
            channel.addListener(this);
        }
    }

    @Override
    public void configureChannel(org.cometd.bayeux.server.ConfigurableServerChannel channel) {
        // ChannelPolicy configures every service channel.
    }

    @Override
    public void onMessage(ServerSession from, ServerChannel channel, ServerMessage.Mutable message,
                          Promise<Boolean> promise) {
        if (from == null || from.isLocalSession()) {
            promise.succeed(true);
            return;
        }
        Optional<User> user = ConnectionAuthentication.user(from);
        String application = String.valueOf(from.getAttribute(applicationAttribute));
        check.refresh(application, message, user).thenAccept(result -> {
            ServerMessage.Mutable reply = message.getAssociated();
            if (result instanceof Authentication.Accepted accepted) {
                check.accepted(from, accepted);
                if (reply != null) {
                    AuthReplies.merge(reply, "auth", AuthMessages.accepted(user, accepted.expires()));
                }
                promise.succeed(true);
            } else {
                AuthReplies.refuse(reply, (Authentication.Refused) result);
                promise.succeed(false);
            }
        }).exceptionally(failure -> {
            promise.fail(failure);
            return null;
        });
    }

}
