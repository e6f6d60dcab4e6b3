package org.thywill.benchmark.client;

import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.thywill.api.push.EnvelopeType;
import org.thywill.benchmark.Scenario;

/**
 * Thywill's public protocol: the handshake names the application ({@code echo} for the echo scenario,
 * {@code bench} otherwise), data travels in {@code {"type":"message","data":...}} envelopes, and everything
 * arrives under {@code /thywill/}. Acknowledging, a client asks for numbered delivery in its handshake, as the
 * browser library does, and acknowledges the last {@code seq} it handled in its next {@code /meta/connect}
 * ({@code ext.thywill.acks}), or by publishing it if no connect carried it within 100 ms.
 */
final class ThywillDialect implements Dialect {

    private final boolean acknowledge;

    /** @param acknowledge whether clients ask for acknowledged delivery */
    ThywillDialect(boolean acknowledge) {
        this.acknowledge = acknowledge;
    }

    @Override
    public boolean acknowledges() {
        return acknowledge;
    }

    @Override
    public long seq(Message message) {
        Map<String, Object> envelope = message.getDataAsMap();
        return envelope != null && envelope.get("seq") instanceof Number seq ? seq.longValue() : -1;
    }

    @Override
    public Object ack(long seq) {
        return Map.of(EnvelopeType.KEY, EnvelopeType.ACK.wire(), "seq", seq);
    }

    @Override
    public Map<String, Object> connectAck(String application, long seq) {
        return Map.of("thywill", Map.of("acks", Map.of(application, seq)));
    }

    @Override
    public String path() {
        return "/thywill/cometd";
    }

    @Override
    public Map<String, Object> handshake(Scenario scenario) {
        String application = scenario == Scenario.ECHO ? "echo" : "bench";
        return Map.of(Message.EXT_FIELD, Map.of("thywill", acknowledge
                ? Map.of("application", application, "ack", true, "handled", Map.of())
                : Map.of("application", application)));
    }

    @Override
    public String echoChannel() {
        return "/service/thywill/echo";
    }

    @Override
    public String commandChannel() {
        return "/service/thywill/bench";
    }

    @Override
    public List<String> receiveChannels() {
        return List.of("/thywill/**");
    }

    @Override
    public Object outgoing(Map<String, Object> data) {
        return Map.of(EnvelopeType.KEY, EnvelopeType.MESSAGE.wire(), "data", data);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> incoming(Message message) {
        Map<String, Object> envelope = message.getDataAsMap();
        if (envelope == null) {
            return null;
        }
        if (EnvelopeType.ERROR.is(envelope)) {
            return Map.of("error", String.valueOf(envelope.get("error")));
        }
        return envelope.get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : null;
    }
}
