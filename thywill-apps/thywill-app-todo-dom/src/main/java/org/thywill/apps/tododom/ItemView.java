package org.thywill.apps.tododom;

import java.sql.SQLException;
import java.util.Optional;
import org.thywill.remote.document.Element;
import org.thywill.remote.document.RemoteDocument;
import org.thywill.remote.document.Routes;
import org.thywill.remote.document.View;

/**
 * One item's page, at {@code /items/{id}} (under {@code /thywill/init/todo-dom}): change its text (read from the input when Save is pressed, as
 * pycommunicate's tutorial reads {@code #next}), mark it done, or remove it. Changes made in other pages show here.
 */
final class ItemView implements View {

    private final TodoStore store;
    private final long id;
    private RemoteDocument document;
    private Element edit;
    private Element done;
    private Element status;

    ItemView(TodoStore store, long id) {
        this.store = store;
        this.id = id;
    }

    @Override
    public void start(RemoteDocument document) throws SQLException {
        this.document = document;
        document.title("Todo #" + id);
        Element page = document.root().appendNew("main").addClass("todo-page").addClass("item-page");
        page.appendNew("a").attribute("id", "back").addClass("back").attribute("href", Routes.href("/"))
                .text("\u2190 All todos");
        page.appendNew("h1").text("Todo #" + id);
        Optional<TodoItem> item = store.find(id);
        status = page.appendNew("p").attribute("id", "status").addClass("problem").attribute("role", "status");
        if (item.isEmpty()) {
            status.text("This todo was removed.");
            return;
        }
        Element form = page.appendNew("form").attribute("id", "edit-form").addClass("add");
        edit = form.appendNew("input").attribute("id", "edit").attribute("maxlength",
                String.valueOf(TodoStore.MAX_TEXT)).attribute("aria-label", "Text").property("value",
                item.get().text());
        form.appendNew("button").attribute("id", "save").attribute("type", "submit").text("Save");
        form.on("submit", event -> save());
        Element row = page.appendNew("label").addClass("done-row");
        done = row.appendNew("input").attribute("id", "done").attribute("type", "checkbox")
                .property("checked", item.get().done());
        row.appendNew("span").text("Done");
        done.on("change", event -> store.setDone(id, event.isChecked()).ifPresentOrElse(
                updated -> document.broadcast(new TodoChange.Updated(updated)), this::gone));
        page.appendNew("button").attribute("id", "remove").attribute("type", "button").addClass("remove")
                .text("Remove").on("click", event -> {
                    store.remove(id);
                    document.broadcast(new TodoChange.Removed(id));
                    document.navigate("/");
                });
        edit.focus();
    }

    private void save() {
        edit.readValue().thenAccept(text -> {
            Optional<String> why = TodoStore.problem(text);
            if (why.isPresent()) {
                status.text(why.get());
                return;
            }
            try {
                store.rename(id, text).ifPresentOrElse(updated -> {
                    document.broadcast(new TodoChange.Updated(updated));
                    document.navigate("/");
                }, this::gone);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not rename todo #" + id, e);
            }
        });
    }

    private void gone() {
        status.text("This todo was removed in another page.");
        if (edit != null) {
            edit.property("disabled", true);
            done.property("disabled", true);
        }
    }

    @Override
    public void onDocumentMessage(Object message, RemoteDocument from) {
        if (message instanceof TodoChange.Updated updated && updated.item().id() == id && done != null) {
            done.property("checked", updated.item().done());
            status.text("Changed in another page.");
        } else if (message instanceof TodoChange.Removed removed && removed.id() == id) {
            gone();
        }
    }
}
