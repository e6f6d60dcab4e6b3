package org.thywill.benchmark.server;

import java.util.Map;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * The bare CometD equivalents of Thywill's echo application and of {@code BenchmarkApplication}, written directly
 * against CometD's server API as a CometD user would:
 * <ul>
 *   <li>{@code /service/echo}: the data back to its sender on {@code /echo};</li>
 *   <li>{@code /service/bench} with the benchmark application's commands: {@code join} subscribes the sender to
 *       {@code /bench/room/{room}}, {@code broadcast} publishes the data there, {@code stats} answers this process's
 *       measurements; answers go to the sender on {@code /bench/reply}.</li>
 * </ul>
 */
final class BaselineServices {

    static final String ROOM_PREFIX = "/bench/room/";
    private final BayeuxServer bayeux;
    private LocalSession service;

    BaselineServices(BayeuxServer bayeux) {
        this.bayeux = bayeux;
    }

    void install() {
        service = bayeux.newLocalSession("bench");
        service.handshake();
        bayeux.createChannelIfAbsent("/service/echo", c -> c.addListener(new ServerChannel.MessageListener() {
            @Override
            public boolean onMessage(ServerSession from, ServerChannel channel, ServerMessage.Mutable message) {
                from.deliver(service, "/echo", message.getData(), Promise.noop());
                return true;
            }
        }));
        bayeux.createChannelIfAbsent("/service/bench", c -> c.addListener(new ServerChannel.MessageListener() {
            @Override
            public boolean onMessage(ServerSession from, ServerChannel channel, ServerMessage.Mutable message) {
                return onCommand(from, message);
            }
        }));
    }

    private boolean onCommand(ServerSession from, ServerMessage.Mutable message) {
        Map<String, Object> data = message.getDataAsMap();
        String room = String.valueOf(data.get("room"));
        switch (String.valueOf(data.get("cmd"))) {
            case "join" -> {
                roomChannel(room).subscribe(from);
                from.deliver(service, "/bench/reply", Map.of("joined", room), Promise.noop());
            }
            case "broadcast" -> roomChannel(room).publish(service, data, Promise.noop());
            case "stats" -> from.deliver(service, "/bench/reply",
                    Map.of("stats", ProcessStats.sample(Boolean.TRUE.equals(data.get("gc"))).toMap()),
                    Promise.noop());
            default -> from.deliver(service, "/bench/reply", Map.of("unknown", data), Promise.noop());
        }
        return true;
    }

    private ServerChannel roomChannel(String room) {
        return bayeux.createChannelIfAbsent(ROOM_PREFIX + room, c -> c.setPersistent(true)).getReference();
    }
}
