package org.thywill.apps.tododom;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.thywill.remote.document.DomEvent;
import org.thywill.remote.document.Element;
import org.thywill.remote.document.RemoteDocument;
import org.thywill.remote.document.Routes;
import org.thywill.remote.document.View;

/**
 * The list, pycommunicate's {@code TodoView}: every item with its checkbox, its link and a Remove button, and a form
 * to add one. What this page changes it shows at once and tells every other page.
 */
final class ListView implements View {

    /** One item's elements. */
    private record Row(Element item, Element checkbox, Element text) {
    }

    private final TodoStore store;
    private final Map<Long, Row> rows = new LinkedHashMap<>();
    private RemoteDocument document;
    private Element list;
    private Element next;
    private Element problem;
    private Element empty;
    private Element summary;

    ListView(TodoStore store) {
        this.store = store;
    }

    @Override
    public void start(RemoteDocument document) throws SQLException {
        this.document = document;
        document.title("Todo");
        Element page = document.root().appendNew("main").addClass("todo-page");
        page.appendNew("h1").text("Welcome to the TODO!");
        Element form = page.appendNew("form").attribute("id", "add-form").addClass("add");
        next = form.appendNew("input").attribute("id", "next").attribute("name", "next")
                .attribute("placeholder", "What needs doing?").attribute("maxlength", String.valueOf(TodoStore.MAX_TEXT))
                .attribute("autocomplete", "off").attribute("aria-label", "New todo");
        form.appendNew("button").attribute("id", "add").attribute("type", "submit").text("Add");
        // The form's fields come with the submit event: adding needs no read of the input.
        form.on("submit", this::add);
        problem = page.appendNew("p").attribute("id", "problem").addClass("problem").attribute("role", "alert");
        list = page.appendNew("ul").attribute("id", "todo").addClass("items");
        empty = page.appendNew("p").attribute("id", "empty").addClass("empty").text("Nothing to do. Add something!");
        summary = page.appendNew("p").attribute("id", "summary").addClass("summary");
        for (TodoItem item : store.all()) {
            addRow(item);
        }
        refreshSummary();
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
        li.appendNew("button").attribute("type", "button").addClass("remove").text("Remove")
                .on("click", event -> remove(id));
        checkbox.on("change", event -> toggle(id, event.isChecked()));
        list.append(li);
        rows.put(id, new Row(li, checkbox, text));
    }

    private void refreshSummary() {
        empty.toggleClass("hidden", !rows.isEmpty());
        summary.text(rows.isEmpty() ? "" : rows.size() + (rows.size() == 1 ? " todo" : " todos"));
    }
}
