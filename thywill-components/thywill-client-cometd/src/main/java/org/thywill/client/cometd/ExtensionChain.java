package org.thywill.client.cometd;

import java.util.List;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Thywill's own CometD extensions registered as one. CometD passes every message in and out through each
 * registered extension in an asynchronous loop, a step with its callbacks per extension, though most of
 * Thywill's look at one kind of message only (a handshake, a publish); one extension that calls them in turn costs
 * one step. The order is CometD's: messages in pass the extensions first to last, messages out last to first,
 * and the first extension to refuse a message ends its way.
 */
final class ExtensionChain implements BayeuxServer.Extension {

    private final BayeuxServer.Extension[] extensions;

    /** @param extensions the extensions, in the order they would have been added */
    ExtensionChain(List<BayeuxServer.Extension> extensions) {
        this.extensions = extensions.toArray(new BayeuxServer.Extension[0]);
    }

    @Override
    public boolean rcv(ServerSession from, ServerMessage.Mutable message) {
        for (BayeuxServer.Extension extension : extensions) {
            if (!extension.rcv(from, message)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
        for (BayeuxServer.Extension extension : extensions) {
            if (!extension.rcvMeta(from, message)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean send(ServerSession from, ServerSession to, ServerMessage.Mutable message) {
        for (int i = extensions.length - 1; i >= 0; i--) {
            if (!extensions[i].send(from, to, message)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean sendMeta(ServerSession to, ServerMessage.Mutable message) {
        for (int i = extensions.length - 1; i >= 0; i--) {
            if (!extensions[i].sendMeta(to, message)) {
                return false;
            }
        }
        return true;
    }
}
