package org.thywill.client.cometd;

import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.ServerMessageImpl;

/**
 * Answers the stand-in of a malformed WebSocket text ({@link MalformedBayeux#standIn}) with its Bayeux error and
 * drops it; the socket and its session carry on. Not logged: it is the client's mistake, and the reply tells it.
 */
final class MalformedMessages implements BayeuxServer.Extension {

    @Override
    public boolean rcv(ServerSession from, ServerMessage.Mutable message) {
        return answer(message);
    }

    @Override
    public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
        return answer(message);
    }

    private static boolean answer(ServerMessage.Mutable message) {
        Object error = message.get(MalformedBayeux.FIELD);
        if (error == null) {
            return true;
        }
        ServerMessage.Mutable reply = message.getAssociated();
        if (reply != null) {
            reply.setSuccessful(false);
            reply.put(ServerMessage.ERROR_FIELD, error);
            if (reply instanceof ServerMessageImpl impl) {
                impl.setHandled(true); // else CometD replaces the error with 404::message_deleted
            }
        }
        return false;
    }
}
