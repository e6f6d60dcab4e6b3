package org.thywill.testing;

import java.util.function.Consumer;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;

/**
 * The notices a server sends a page itself, on {@code /service/thywill/auth/*}: kept as deliveries for the test to
 * read; told it was signed out ({@code .../closed}), the client stops, as thywill-auth.js does.
 */
final class ServerNotices {

    private ServerNotices() {
    }

    /**
     * @param bayeux the client to listen on
     * @param deliveries where each notice goes
     */
    static void follow(BayeuxClient bayeux, Consumer<TestClient.Delivery> deliveries) {
        bayeux.getChannel("/service/thywill/auth/*").addListener((ClientSessionChannel.MessageListener) (c, m) -> {
            deliveries.accept(new TestClient.Delivery(m.getChannel(), m.getDataAsMap(), System.nanoTime()));
            if (m.getChannel().endsWith("/closed")) {
                bayeux.disconnect();
            }
        });
    }
}
