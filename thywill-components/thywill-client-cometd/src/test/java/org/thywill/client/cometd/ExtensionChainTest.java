package org.thywill.client.cometd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.ServerMessageImpl;
import org.junit.jupiter.api.Test;

/** The chain calls its extensions in CometD's order and stops at the first that refuses a message. */
class ExtensionChainTest {

    private static BayeuxServer.Extension recording(String name, List<String> calls, boolean accept) {
        return new BayeuxServer.Extension() {
            @Override
            public boolean rcv(ServerSession from, ServerMessage.Mutable message) {
                calls.add(name + ".rcv");
                return accept;
            }

            @Override
            public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
                calls.add(name + ".rcvMeta");
                return accept;
            }

            @Override
            public boolean send(ServerSession from, ServerSession to, ServerMessage.Mutable message) {
                calls.add(name + ".send");
                return accept;
            }

            @Override
            public boolean sendMeta(ServerSession to, ServerMessage.Mutable message) {
                calls.add(name + ".sendMeta");
                return accept;
            }
        };
    }

    @Test
    void incomingRunsFirstToLastAndOutgoingLastToFirst() {
        List<String> calls = new ArrayList<>();
        ExtensionChain chain = new ExtensionChain(List.of(recording("a", calls, true), recording("b", calls, true)));
        ServerMessage.Mutable message = new ServerMessageImpl();
        assertTrue(chain.rcv(null, message));
        assertTrue(chain.rcvMeta(null, message));
        assertTrue(chain.send(null, null, message));
        assertTrue(chain.sendMeta(null, message));
        assertEquals(List.of("a.rcv", "b.rcv", "a.rcvMeta", "b.rcvMeta", "b.send", "a.send", "b.sendMeta",
                "a.sendMeta"), calls);
    }

    @Test
    void theFirstRefusalEndsTheMessagesWay() {
        List<String> calls = new ArrayList<>();
        ExtensionChain chain = new ExtensionChain(List.of(recording("a", calls, false), recording("b", calls, true)));
        ServerMessage.Mutable message = new ServerMessageImpl();
        assertFalse(chain.rcv(null, message));
        assertFalse(chain.send(null, null, message), "b accepts, then a is asked and refuses");
        assertEquals(List.of("a.rcv", "b.send", "a.send"), calls);
    }
}
