package org.thywill.apps.tododom;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thywill.remote.document.DomEvent;
import org.thywill.remote.document.Element;
import org.thywill.remote.document.RemoteDocument;
import org.thywill.remote.document.Routes;
import org.thywill.remote.document.Templates;
import org.thywill.remote.document.View;

/**
 * The list, pycommunicate's {@code TodoView}: every item with its checkbox, its link and a Remove button, and a form
 * to add one, rendered on the server from list.mustache and then made live. What this page changes it shows at once
 * and tells every other page.
 */
final class ListView implements View {

    /** One item's elements. */
    private record Row(Element item, Element checkbox, Element text) {
    }

    private final TodoStore store;
    private final Map<Long, Row> rows = new LinkedHashMap<>();
    private List<TodoItem> shown = List.of();
    private RemoteDocument document;
    private Element list;
    private Element next;
    private Element problem;
    private Element empty;
    private Element summary;

    ListView(TodoStore store) {
        this.store = store;
    }

    /** What list.mustache lays out. */
    private record Model(List<TodoItem> items, boolean empty, String summary, int maxText) {
    }

    /**
     * The list as HTML, from the database: in the page itself when it is loaded (readable before it connects and
     * with JavaScript off), and again when it connects (sent only if the list changed in between).
     */
    @Override
    public Optional<String> render(Templates templates) throws SQLException {
        shown = store.all();
        return Optional.of(templates.render("list.mustache", new Model(shown, shown.isEmpty(),
                summary(shown.size()), TodoStore.MAX_TEXT)));
    }

    /** Attaches to the rendered list: the page holds exactly the items {@link #render} read. */
    @Override
    public void start(RemoteDocument document) {
        this.document = document;
        document.title("Todo");
        next = document.attach("#next");
        // The form's fields come with the submit event: adding needs no read of the input.
        document.attach("#add-form").on("submit", this::add);
        problem = document.attach("#problem");
        list = document.attach("#todo");
        empty = document.attach("#empty");
        summary = document.attach("#summary");
        for (TodoItem item : shown) {
            String row = "#todo-" + item.id();
            wire(item.id(), document.attach(row), document.attach(row + " .toggle"), document.attach(row + " .text"),
                    document.attach(row + " .remove"));
        }
        next.focus();
    }

    private void add(DomEvent event) throws SQLException {
        String text = event.field("next").orElse("");
        var why = TodoStore.problem(text);
        if (why.isPresent()) {
            problem.text(why.get());
            return;
        }
        problem.text("");
        next.property("value", "");
        changed(new TodoChange.Added(store.add(text)));
    }

    private void toggle(long id, boolean done) throws SQLException {
        changed(store.setDone(id, done).<TodoChange>map(TodoChange.Updated::new)
                .orElse(new TodoChange.Removed(id)));
    }

    private void remove(long id) throws SQLException {
        store.remove(id);
        changed(new TodoChange.Removed(id));
    }

    /** Shows a change made here, and tells every other page. */
    private void changed(TodoChange change) {
        apply(change);
        document.broadcast(change);
    }

    @Override
    public void onDocumentMessage(Object message, RemoteDocument from) {
        if (message instanceof TodoChange change) {
            apply(change);
        }
    }

    private void apply(TodoChange change) {
        if (change instanceof TodoChange.Added added && !rows.containsKey(added.item().id())) {
            addRow(added.item());
        } else if (change instanceof TodoChange.Updated updated && rows.containsKey(updated.item().id())) {
            Row row = rows.get(updated.item().id());
            row.item().toggleClass("done", updated.item().done());
            row.checkbox().property("checked", updated.item().done());
            row.text().text(updated.item().text());
        } else if (change instanceof TodoChange.Removed removed && rows.containsKey(removed.id())) {
            rows.remove(removed.id()).item().remove();
        }
        refreshSummary();
    }

    private void addRow(TodoItem item) {
        long id = item.id();
        Element li = document.create("li").attribute("id", "todo-" + id).addClass("item").toggleClass("done",
                item.done());
        Element checkbox = li.appendNew("input").attribute("type", "checkbox").addClass("toggle")
                .attribute("aria-label", "Done").property("checked", item.done());
        Element text = li.appendNew("a").addClass("text").attribute("href", Routes.href("/items/" + id))
                .text(item.text());
        Element remove = li.appendNew("button").attribute("type", "button").addClass("remove").text("Remove");
        list.append(li);
        wire(id, li, checkbox, text, remove);
    }

    /** Makes one item's elements, rendered or created, live. */
    private void wire(long id, Element li, Element checkbox, Element text, Element remove) {
        remove.on("click", event -> remove(id));
        checkbox.on("change", event -> toggle(id, event.isChecked()));
        rows.put(id, new Row(li, checkbox, text));
    }

    private void refreshSummary() {
        empty.toggleClass("hidden", !rows.isEmpty());
        summary.text(summary(rows.size()));
    }

    private static String summary(int count) {
        return count == 0 ? "" : count + (count == 1 ? " todo" : " todos");
    }
}
