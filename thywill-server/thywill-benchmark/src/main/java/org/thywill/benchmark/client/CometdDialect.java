package org.thywill.benchmark.client;

import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.thywill.benchmark.Scenario;

/** The bare CometD baseline's services: plain data on {@code /service/echo} and {@code /service/bench}. */
final class CometdDialect implements Dialect {

    private final boolean ack;

    /** @param ack whether clients use CometD's acknowledge extension, as browsers' clients do */
    CometdDialect(boolean ack) {
        this.ack = ack;
    }

    @Override
    public boolean cometdAck() {
        return ack;
    }

    @Override
    public String path() {
        return "/cometd";
    }

    @Override
    public Map<String, Object> handshake(Scenario scenario) {
        return Map.of();
    }

    @Override
    public String echoChannel() {
        return "/service/echo";
    }

    @Override
    public String commandChannel() {
        return "/service/bench";
    }

    @Override
    public List<String> receiveChannels() {
        return List.of("/echo", "/bench/**");
    }

    @Override
    public Object outgoing(Map<String, Object> data) {
        return data;
    }

    @Override
    public Map<String, Object> incoming(Message message) {
        return message.getDataAsMap();
    }
}
