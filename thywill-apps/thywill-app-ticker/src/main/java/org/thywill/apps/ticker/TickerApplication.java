package org.thywill.apps.ticker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.ClientSide;
import org.thywill.api.client.Connection;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.delivery.Target;

/**
 * thywill-node's tabular example, pushes the server starts: one shared task moves a made-up share price every
 * second and sends the row to the channel {@value #ROWS}, which a page joins with {@code {"subscribe": true}} and
 * leaves with {@code {"unsubscribe": true}}.
 *
 * <p>Joining and leaving run on the task's own thread and are answered there with {@code {"subscribed": ...}}, so
 * after a page is told it has unsubscribed, no row can follow.
 */
public final class TickerApplication implements Application {

    /** The application channel of the pages that want rows. */
    static final String ROWS = "rows";
    /** How often a row is sent. */
    static final long PERIOD_MS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(TickerApplication.class);

    private volatile ApplicationContext context;
    private volatile ScheduledExecutorService ticker;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("ticker", "Thywill ticker", ClientSide.of("thywill/ticker", "ticker"));
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
        PriceWalk prices = new PriceWalk(openingPrices(), RandomGenerator.getDefault());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "thywill-ticker");
            thread.setDaemon(true);
            return thread;
        });
        // A fixed delay rather than a fixed rate: a late tick is not followed by a burst that catches up.
        executor.scheduleWithFixedDelay(() -> tick(prices), PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        this.ticker = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = ticker;
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onMessage(Connection from, Object data) {
        ConnectionId id = from.id();
        switch (TickerRequest.parse(data)) {
            case SUBSCRIBE -> ticker.execute(() -> {
                context.join(ROWS, id);
                context.send(Target.connection(id), Map.of("subscribed", true));
            });
            case UNSUBSCRIBE -> ticker.execute(() -> {
                context.leave(ROWS, id);
                context.send(Target.connection(id), Map.of("subscribed", false));
            });
            case INVALID -> context.send(Target.connection(id), Map.of("error", TickerRequest.HOW));
        }
    }

    private void tick(PriceWalk prices) {
        try {
            PriceRow row = prices.step(System.currentTimeMillis());
            context.send(Target.channel(ROWS), Map.of("row", row.toJson()));
        } catch (RuntimeException e) {
            // Thrown out of the task, it would cancel every later tick.
            LOG.error("A ticker row could not be sent", e);
        }
    }

    private static Map<String, Double> openingPrices() {
        Map<String, Double> opening = new LinkedHashMap<>();
        opening.put("THY", 42.00);
        opening.put("CMT", 118.50);
        opening.put("BYX", 7.25);
        opening.put("JTY", 64.10);
        opening.put("LPL", 230.00);
        return opening;
    }
}
