package org.thywill.client.cometd.auth;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.auth.Authentication;

/**
 * Closes a connection when its token expires unrefreshed: the page is first sent
 * {@code {"code":"token-expired","message":...}} on {@value #EXPIRED_CHANNEL}, then the session ends as the server
 * ends one. A refresh moves the moment; the end of the session cancels it.
 */
final class Expiries {

    /** Where the page is told its connection is closing because its token expired. */
    static final String EXPIRED_CHANNEL = "/service/thywill/auth/expired";
    private static final Logger LOG = LoggerFactory.getLogger(Expiries.class);
    private static final String TASK = "thywill.auth.expiry";

    private final BayeuxServerImpl bayeux;
    private final Consumer<ServerSession> serverEnds;

    Expiries(BayeuxServerImpl bayeux, Consumer<ServerSession> serverEnds) {
        this.bayeux = bayeux;
        this.serverEnds = serverEnds;
    }

    /**
     * Closes the session at {@code expires}, in place of any moment set before.
     *
     * @param session a connected session
     * @param expires when its token expires
     */
    void closeAt(ServerSession session, Instant expires) {
        long delay = Math.max(0, expires.toEpochMilli() - System.currentTimeMillis());
        Scheduler.Task task = bayeux.schedule(() -> expire(session), delay);
        Object before = session.getAttribute(TASK);
        session.setAttribute(TASK, task);
        if (before instanceof Scheduler.Task old) {
            old.cancel();
        } else {
            session.addListener((ServerSession.RemovedListener) (s, message, timeout) -> {
                if (s.getAttribute(TASK) instanceof Scheduler.Task pending) {
                    pending.cancel();
                }
            });
        }
    }

    private void expire(ServerSession session) {
        if (bayeux.getSession(session.getId()) == null) {
            return;
        }
        LOG.debug("Closing connection {}: its token expired and was not refreshed", session.getId());
        serverEnds.accept(session);
        session.deliver(null, EXPIRED_CHANNEL, Map.of("code", Authentication.EXPIRED,
                "message", "The sign-in of this page expired and was not renewed; sign in again to reconnect"),
                Promise.from(delivered -> session.disconnect(), failure -> session.disconnect()));
    }
}
