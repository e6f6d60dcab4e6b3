package org.thywill.application.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.thywill.api.application.ClientMessage;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.client.SessionId;
import org.thywill.api.delivery.DeliveryFailedException;
import org.thywill.api.delivery.DeliveryFailure;
import org.thywill.api.delivery.Receipt;
import org.thywill.api.delivery.Sent;
import org.thywill.api.delivery.Target;
import org.thywill.api.push.Push;

class DeliveryReportTest {

    private static final Connection SENDER = new Connection(new ConnectionId("c1"), new SessionId("s1"), "chat",
            "websocket", "127.0.0.1");
    private static final ClientMessage MESSAGE = new ClientMessage(SENDER, "hi", Optional.of("page-7"));

    private final List<Object[]> sent = new CopyOnWriteArrayList<>();
    private final Push push = (Push) Proxy.newProxyInstance(Push.class.getClassLoader(), new Class<?>[] {Push.class},
            (proxy, method, args) -> {
                if (!method.getName().equals("send")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                sent.add(args);
                return Sent.withoutReceipt(1, (Target) args[1]);
            });

    private final CompletableFuture<Receipt> first = new CompletableFuture<>();
    private final CompletableFuture<Receipt> second = new CompletableFuture<>();

    private static Sent sent(CompletableFuture<Receipt> receipt) {
        return new Sent(1, receipt);
    }

    private static DeliveryFailedException failure(DeliveryFailure reason) {
        return new DeliveryFailedException(reason, 1);
    }

    @Test
    void theFirstDeliveryIsReportedOnceToTheSenderAlone() {
        DeliveryReport.start(push, "chat", MESSAGE, List.of(sent(first), sent(second)));
        assertTrue(sent.isEmpty(), "nothing is known yet");

        second.complete(new Receipt(5, Instant.now()));
        first.completeExceptionally(failure(DeliveryFailure.EXPIRED));

        assertEquals(1, sent.size());
        assertEquals("chat", sent.get(0)[0]);
        assertEquals(Target.connection(SENDER.id()), sent.get(0)[1]);
        assertEquals(Map.of("type", "receipt", "id", "page-7", "outcome", "delivered"), sent.get(0)[2]);
    }

    @Test
    void aFailureIsReportedOnlyOnceEverySendFailedWithTheLastReason() {
        DeliveryReport.start(push, "chat", MESSAGE, List.of(sent(first), sent(second)));
        first.completeExceptionally(failure(DeliveryFailure.DISCONNECTED));
        assertTrue(sent.isEmpty(), "the other may still be delivered");

        second.completeExceptionally(failure(DeliveryFailure.OVERFLOW));

        assertEquals(List.of(Map.of("type", "receipt", "id", "page-7", "outcome", "failed", "reason", "OVERFLOW")),
                sent.stream().map(args -> args[2]).toList());
    }

    @Test
    void aMessageWithoutAnIdGetsNoReport() {
        DeliveryReport.start(push, "chat", new ClientMessage(SENDER, "hi", Optional.empty()), List.of(sent(first)));
        first.complete(new Receipt(1, Instant.now()));
        assertTrue(sent.isEmpty());
    }

    @Test
    void aSendWithoutAReceiptOrNoSendAtAllIsTheApplicationsMistake() {
        IllegalArgumentException noReceipt = assertThrows(IllegalArgumentException.class, () -> DeliveryReport.start(
                push, "chat", MESSAGE, List.of(Sent.withoutReceipt(1, Target.session(new SessionId("s2"))))));
        assertTrue(noReceipt.getMessage().contains("withReceipt()"), noReceipt.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeliveryReport.start(push, "chat", MESSAGE, List.of()));
    }
}
