package org.thywill.apps.tododom;

import java.util.List;
import org.thywill.api.application.ApplicationContext;
import org.thywill.remote.document.Admission;
import org.thywill.remote.document.RemoteDocumentApplication;
import org.thywill.remote.document.Routes;

/**
 * pycommunicate's tutorial todo list with the remote document only: the list at {@code /} ({@link ListView},
 * rendered on the server from {@code templates/todo-dom/list.mustache} so the page shows it before it connects), each
 * item's page at {@code /items/{id}} ({@link ItemView}), refused with 404 before it is shown when the item does not
 * exist. Items live in the database; every change shows at once in every open page.
 */
public final class TodoDomApplication extends RemoteDocumentApplication {

    private volatile TodoStore store;

    /** For ServiceLoader. */
    public TodoDomApplication() {
        super("todo-dom", "Todo");
    }

    @Override
    public String migrations() {
        return "db/todo-dom";
    }

    @Override
    protected List<String> styleSheets() {
        return List.of("todo-dom/todo.css");
    }

    @Override
    protected List<String> templates() {
        return List.of("list.mustache");
    }

    @Override
    protected void onStart(ApplicationContext context) {
        store = new TodoStore(context.dataSource());
    }

    @Override
    protected void routes(Routes routes) {
        routes.view("/", request -> new ListView(store))
                .view("/items/{id:\\d{1,18}}", request -> {
                    long id = Long.parseLong(request.variable("id"));
                    return store.find(id).isPresent() ? Admission.admit()
                            : Admission.refuse(404, "There is no todo #" + id + ": it may have been removed.");
                }, request -> new ItemView(store, Long.parseLong(request.variable("id"))));
    }
}
