package org.thywill.apps.draw;

import java.util.Map;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.delivery.Target;

/**
 * thywill-node's shared canvas: a page's stroke is shown on every other page (the channel {@value #CANVAS}), the
 * last {@value #HISTORY} strokes are sent to a page that opens, and a clear clears every page.
 *
 * <p>One lock covers the history together with the sends that change it, so a page that opens while others draw
 * gets each stroke exactly once, in the history or after it, and every page sees strokes in one order.
 */
public final class DrawApplication implements Application {

    /** The application channel every page joins. */
    static final String CANVAS = "canvas";
    /** How many strokes a page that opens is sent. */
    static final int HISTORY = 1000;

    private final Object lock = new Object();
    private final StrokeHistory history = new StrokeHistory(HISTORY);
    private volatile ApplicationContext context;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("draw", "Thywill draw", ClientSide.of("thywill/draw", "draw"));
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void onConnect(Connection connection) {
        ConnectionId id = connection.id();
        synchronized (lock) {
            context.join(CANVAS, id);
            context.send(Target.connection(id), Map.of("history", history.toJson()));
        }
    }

    @Override
    public void onMessage(Connection from, Object data) {
        DrawRequest request = DrawRequest.parse(data);
        if (request instanceof DrawRequest.Draw draw) {
            synchronized (lock) {
                history.add(draw.stroke());
                context.send(Target.channel(CANVAS).except(from.id()), Map.of("stroke", draw.stroke().toJson()));
            }
        } else if (request instanceof DrawRequest.Clear) {
            synchronized (lock) {
                history.clear();
                context.send(Target.channel(CANVAS), Map.of("clear", true));
            }
        } else if (request instanceof DrawRequest.Invalid invalid) {
            context.send(Target.connection(from.id()), Map.of("error", invalid.reason()));
        }
    }
}
