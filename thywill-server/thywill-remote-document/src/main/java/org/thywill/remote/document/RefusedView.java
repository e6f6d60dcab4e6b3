package org.thywill.remote.document;

/** The plain error view a refused route shows unless the application names its own ({@link Routes#refused}). */
final class RefusedView implements View {

    private final int status;
    private final String message;

    RefusedView(int status, String message) {
        this.status = status;
        this.message = message;
    }

    @Override
    public void start(RemoteDocument document) {
        document.title(status + " " + message);
        Element box = document.root().appendNew("section").attribute("role", "alert").attribute("data-status",
                String.valueOf(status));
        box.appendNew("h1").text(String.valueOf(status));
        box.appendNew("p").text(message);
        box.appendNew("a").attribute("href", Routes.href("/")).text("Home");
    }
}
