package org.thywill.benchmark.app;

import java.util.Map;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.client.Connection;
import org.thywill.api.delivery.Target;
import org.thywill.benchmark.server.ProcessStats;

/**
 * The Thywill side of the broadcast and rooms scenarios, and the server's own measurements. Its commands, sent as
 * the data of a message:
 * <ul>
 *   <li>{@code {"cmd":"join","room":r}}: adds the sender to channel {@code r}; answers {@code {"joined":r}};</li>
 *   <li>{@code {"cmd":"broadcast","room":r,...}}: sends the whole data, unchanged, to every member of {@code r};</li>
 *   <li>{@code {"cmd":"stats","gc":bool}}: answers {@code {"stats":{cpuNanos, heapBytes, threads, rssBytes}}}
 *       measured in this process.</li>
 * </ul>
 * Anything else is answered with {@code {"unknown":data}}.
 */
public final class BenchmarkApplication implements Application {

    /** This application's id. */
    public static final String ID = "bench";

    private volatile ApplicationContext context;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor(ID);
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onMessage(Connection from, Object data) {
        if (!(data instanceof Map<?, ?> command)) {
            context.send(Target.connection(from.id()), Map.of("unknown", String.valueOf(data)));
            return;
        }
        Object room = command.get("room");
        switch (String.valueOf(command.get("cmd"))) {
            case "join" -> {
                context.join(String.valueOf(room), from.id());
                context.send(Target.connection(from.id()), Map.of("joined", String.valueOf(room)));
            }
            case "broadcast" -> context.send(Target.channel(String.valueOf(room)), data);
            case "stats" -> context.send(Target.connection(from.id()),
                    Map.of("stats", ProcessStats.sample(Boolean.TRUE.equals(command.get("gc"))).toMap()));
            default -> context.send(Target.connection(from.id()), Map.of("unknown", data));
        }
    }
}
