package org.thywill.client.cometd;

import java.util.Map;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerSession;
import org.thywill.api.client.ConnectionId;
import org.thywill.http.Connections;

/**
 * The connections this server ends on its own word (an operator's, an application's logout of a user, a token
 * that expired), so that their end is reported as {@code SERVER}; and the ending itself, told to the page first
 * when there is a reason it can show.
 */
final class ServerEnds {

    /** Where a page is told why the server closes its connection, just before it does. */
    static final String CLOSED_CHANNEL = "/service/thywill/auth/closed";

    private final Connections connections;

    /** @param connections told which connections end by this server's doing */
    ServerEnds(Connections connections) {
        this.connections = connections;
    }

    /** @param session a session about to be ended by this server */
    void ending(ServerSession session) {
        connections.endingByServer(new ConnectionId(session.getId()));
    }

    /**
     * Ends a session as CometD ends one on the server's side: its client's next {@code /meta/connect} is answered
     * with {@code 402::session_unknown}, which the browser library and CometD clients take as the server's
     * disconnect.
     *
     * @param session the session, or null
     * @return whether there was one to end
     */
    boolean end(ServerSession session) {
        if (session == null) {
            return false;
        }
        ending(session);
        session.disconnect();
        return true;
    }

    /**
     * Sends the page {@code {"code": code, "message": message}} on {@value #CLOSED_CHANNEL}, then ends its session.
     *
     * @param session the session, or null
     * @param code what the page's error handler is given as the code, for example {@code signed-out}
     * @param message what it may show
     * @return whether there was one to end
     */
    boolean close(ServerSession session, String code, String message) {
        if (session == null) {
            return false;
        }
        ending(session);
        session.deliver(null, CLOSED_CHANNEL, Map.of("code", code, "message", message),
                Promise.from(delivered -> session.disconnect(), failure -> session.disconnect()));
        return true;
    }
}
