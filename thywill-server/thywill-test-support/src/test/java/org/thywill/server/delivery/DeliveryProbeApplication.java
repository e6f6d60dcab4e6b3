package org.thywill.server.delivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.testing.CommandProbe;

/**
 * A test application for acknowledged delivery, driven by commands from a client: {@code {"cmd":"numbers",
 * "session":cookie,"count":n,"pauseMillis":p}} sends 0..n-1 to that session from a thread of its own (with
 * {@code "tell":true} telling the sender {@code {"sent":i}} after each);
 * {@code {"cmd":"receipted","session":cookie,"data":x}} sends with a receipt and tells the sender
 * {@code {"receipt":seq}} or {@code {"failed":reason}}; {@code {"cmd":"receiptedTo","connection":id,"data":x}} does the
 * same for one connection; any other data is echoed to the sender's connection and
 * counted, so that a repeated client message would show twice.
 */
public final class DeliveryProbeApplication extends CommandProbe {

    private final ExecutorService senders = Executors.newCachedThreadPool();

    /** For ServiceLoader. */
    public DeliveryProbeApplication() {
        super("delivery");
    }

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("delivery", "Delivery probe",
                new ClientSide("thywill/delivery", "delivery.html", List.of("delivery.js"), List.of()));
    }

    @Override
    public void stop() {
        senders.shutdownNow();
    }

    @Override
    public void onMessage(Connection from, Object data) {
        ApplicationContext context = context();
        Map<?, ?> command = data instanceof Map<?, ?> m ? m : Map.of();
        switch (String.valueOf(command.get("cmd"))) {
            case "numbers" -> {
                SessionId to = new SessionId(String.valueOf(command.get("session")));
                int count = ((Number) command.get("count")).intValue();
                long pause = ((Number) command.get("pauseMillis")).longValue();
                boolean tell = Boolean.TRUE.equals(command.get("tell"));
                senders.execute(() -> {
                    for (int i = 0; i < count; i++) {
                        context.send(Target.session(to), i);
                        if (tell) {
                            answer(from, Map.of("sent", i));
                        }
                        sleep(pause);
                    }
                    answer(from, "sent " + count);
                });
            }
            case "receipted" -> tellReceipt(from, context.send(
                    Target.session(new SessionId(String.valueOf(command.get("session")))).withReceipt(),
                    command.get("data")));
            case "receiptedTo" -> tellReceipt(from, context.send(
                    Target.connection(new ConnectionId(String.valueOf(command.get("connection")))).withReceipt(),
                    command.get("data")));
            default -> answer(from, data);
        }
    }

    /** Tells the commanding connection how a receipted send ended. */
    private void tellReceipt(Connection from, Sent sent) {
        sent.receipt().whenComplete((receipt, failure) -> answer(from, failure == null
                ? Map.of("receipt", receipt.seq())
                        : Map.of("failed", ((DeliveryFailedException) unwrap(failure)).reason().name())));
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
