package org.thywill.remote.document;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Views rendered on the server first, then attached to by the runtime: for {@link ServerRenderingTest}. */
public final class RenderedApplication extends RemoteDocumentApplication {

    /** One item of the list. */
    record Item(int id, String text) {
    }

    /** What list.mustache lays out. */
    record ListModel(String title, List<Item> items, int renders) {
    }

    /** What broken.mustache reads: its value fails, as a database look-up might. */
    public static final class Exploding {
        /** @return nothing: it fails */
        public String getExplode() {
            throw new IllegalStateException("secret detail that must not reach the browser");
        }
    }

    private final List<Item> items = new CopyOnWriteArrayList<>(List.of(new Item(1, "First <b>item</b>"),
            new Item(2, "Second")));
    /** Renders of the list at /fresh, shown in it: each render differs from the one before. */
    private final AtomicInteger renders = new AtomicInteger();

    /** For ServiceLoader. */
    public RenderedApplication() {
        super("rd-render", null);
    }

    @Override
    protected List<String> templates() {
        return List.of("list.mustache", "other.mustache", "broken.mustache");
    }

    @Override
    protected void routes(Routes routes) {
        routes.view("/", request -> new ListView(false))
                .view("/fresh", request -> new ListView(true))
                .view("/other", request -> new View() {
                    @Override
                    public Optional<String> render(Templates templates) {
                        return Optional.of(templates.render("other.mustache", Map.of("heading", "Other <page>")));
                    }

                    @Override
                    public void start(RemoteDocument document) {
                        document.attach("#other-heading").attribute("data-live", "yes");
                    }
                })
                .view("/broken", request -> new View() {
                    @Override
                    public Optional<String> render(Templates templates) {
                        return Optional.of(templates.render("broken.mustache", new Exploding()));
                    }

                    @Override
                    public void start(RemoteDocument document) {
                    }
                });
    }

    /** The list: rendered with its items, then made live by attaching to them. */
    final class ListView implements View {

        private final boolean counted;

        ListView(boolean counted) {
            this.counted = counted;
        }

        @Override
        public Optional<String> render(Templates templates) {
            int count = counted ? renders.incrementAndGet() : 0;
            return Optional.of(templates.render("list.mustache", new ListModel("Rendered", items, count)));
        }

        @Override
        public void start(RemoteDocument document) {
            Element list = document.attach("#items").attribute("data-live", "yes");
            for (Item item : items) {
                Element li = document.attach("li[data-id=\"" + item.id() + "\"]");
                Element text = document.attach("li[data-id=\"" + item.id() + "\"] .text");
                document.attach("li[data-id=\"" + item.id() + "\"] .shout").on("click",
                        event -> text.text(item.text().toUpperCase(Locale.ROOT)));
                li.attribute("data-live", "yes");
            }
            list.appendNew("li").attribute("id", "added-live").text("Added live");
        }
    }
}
