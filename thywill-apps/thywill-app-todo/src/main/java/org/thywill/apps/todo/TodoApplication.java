package org.thywill.apps.todo;

import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * pycommunicate's tutorial todo list: items live in the database, and every addition and removal is shown at once
 * on every open page, which all join the channel {@value #LIST}.
 *
 * <p>Database work runs on one thread of the application's own, for two reasons: the messaging threads never wait
 * on the database, and every page sees the changes in the order they were stored. A page that connects is sent
 * the list on that same thread, so it sees each change exactly once: in the list, or as a message after it.
 */
public final class TodoApplication implements Application {

    /** The application channel every page joins. */
    static final String LIST = "list";

    private static final Logger LOG = LoggerFactory.getLogger(TodoApplication.class);
    private static final String UNAVAILABLE = "The todo list's database is not answering, so nothing changed."
            + " Try again in a moment.";

    private volatile ApplicationContext context;
    private volatile TodoStore store;
    private volatile ExecutorService worker;

    @Override
    public ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor("todo", "Thywill todo", ClientSide.of("thywill/todo", "todo"));
    }

    @Override
    public String migrations() {
        return "db/todo";
    }

    @Override
    public void start(ApplicationContext context) {
        this.context = context;
        this.store = new TodoStore(context.dataSource());
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "thywill-todo");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void stop() {
        ExecutorService running = worker;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            // Let changes already accepted reach the database before it stops.
            if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onConnect(Connection connection) {
        ConnectionId id = connection.id();
        onWorker(() -> {
            context.join(LIST, id);
            try {
                context.send(Target.connection(id), TodoEvents.items(store.all()));
            } catch (SQLException e) {
                LOG.warn("Could not load the todo list for connection {}", id, e);
                context.send(Target.connection(id), TodoEvents.error("The todo list's database is not answering,"
                        + " so the list could not be loaded. Reload the page in a moment."));
            }
        });
    }

    @Override
    public void onMessage(Connection from, Object data) {
        ConnectionId id = from.id();
        TodoRequest request = TodoRequest.parse(data);
        if (request instanceof TodoRequest.Add add) {
            onWorker(() -> add(id, add.text()));
        } else if (request instanceof TodoRequest.Remove remove) {
            onWorker(() -> remove(id, remove.id()));
        } else if (request instanceof TodoRequest.Invalid invalid) {
            context.send(Target.connection(id), TodoEvents.error(invalid.reason()));
        }
    }

    /** Runs a task on the database thread, where an unexpected exception is logged rather than lost. */
    private void onWorker(Runnable task) {
        worker.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("The todo application failed", e);
            }
        });
    }

    private void add(ConnectionId from, String text) {
        try {
            context.send(Target.channel(LIST), TodoEvents.added(store.add(text)));
        } catch (SQLException e) {
            LOG.warn("Could not add a todo item for connection {}", from, e);
            context.send(Target.connection(from), TodoEvents.error(UNAVAILABLE));
        }
    }

    private void remove(ConnectionId from, long itemId) {
        try {
            if (store.remove(itemId)) {
                context.send(Target.channel(LIST), TodoEvents.removed(itemId));
            } else {
                context.send(Target.connection(from), TodoEvents.error("There is no item " + itemId
                        + " to remove: someone may have removed it already."));
            }
        } catch (SQLException e) {
            LOG.warn("Could not remove todo item {} for connection {}", itemId, from, e);
            context.send(Target.connection(from), TodoEvents.error(UNAVAILABLE));
        }
    }
}
