package org.thywill.remote.document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.delivery.Target;

/** A remote-document application exercising each feature, for the browser tests and the measurements. */
public final class LabApplication extends RemoteDocumentApplication {

    private volatile ScheduledExecutorService pacing;
    private volatile ApplicationContext context;

    /** For ServiceLoader. */
    public LabApplication() {
        super("rd-lab", null);
    }

    @Override
    protected void routes(Routes routes) {
        routes.view("/", request -> new HomeView())
                .view("/items/{id:\\d+}", request -> switch (request.variable("id")) {
                    case "0" -> Admission.redirect("/");
                    case "13" -> Admission.refuse(403, "Item 13 is private.");
                    default -> Admission.admit();
                }, request -> document -> {
                    document.title("Item " + request.variable("id"));
                    document.root().appendNew("h1").attribute("id", "item").text("Item " + request.variable("id"));
                    document.root().appendNew("a").attribute("id", "home").attribute("href", Routes.href("/"))
                            .text("Home");
                })
                .view("/bench", request -> new BenchView(pacing))
                .view("/raw", request -> document -> context.send(Target.connection(document.id()),
                        Map.of("dom", RAW_SCRIPTING)));
    }

    @Override
    protected void onStart(ApplicationContext context) {
        this.context = context;
        pacing = Executors.newSingleThreadScheduledExecutor();
    }

    @Override
    protected void onStop() {
        pacing.shutdownNow();
    }

    @Override
    protected void onDocumentClosed(RemoteDocument document) {
        documents().broadcast("count", null);
    }

    /**
     * A batch sent past the Java checks, as a server with a bug in them would: the browser runtime must refuse the
     * script in it on its own. It ends with a marker element, so a test knows when it was applied.
     */
    static final List<Object> RAW_SCRIPTING = List.of(
            List.of("new", 901, "script"), List.of("text", 901, "window.pwned = 'script'"),
            List.of("place", 901, "append", -1),
            List.of("new", 902, "div"), List.of("html", 902, "<iframe id='raw-frame'></iframe>"),
            List.of("place", 902, "append", -1),
            List.of("attr", Map.of("q", "#raw-frame"), "srcdoc", "<script>parent.pwned = 'srcdoc'</script>"),
            List.of("new", 903, "a"), List.of("attr", 903, "id", "raw-link"), List.of("text", 903, "link"),
            List.of("attr", 903, "href", " javascript:window.pwned = 'href'"), List.of("place", 903, "append", -1),
            List.of("prop", 903, "onclick", "window.pwned = 'onclick'"),
            List.of("new", 904, "p"), List.of("attr", 904, "id", "raw-done"), List.of("place", 904, "append", -1));

    /** Every feature on one page. */
    static final class HomeView implements View {
        private RemoteDocument document;
        private Element count;
        private Element ticks;
        private Timer timer;
        private int ticked;
        private int searches;

        @Override
        public void start(RemoteDocument document) {
            this.document = document;
            document.title("Lab");
            Element root = document.root();
            root.appendNew("h1").text("Lab");
            count = root.appendNew("span").attribute("id", "count");
            showCount();
            document.broadcast("count");

            Element name = root.appendNew("input").attribute("id", "name");
            Element greeting = root.appendNew("p").attribute("id", "greeting");
            root.appendNew("button").attribute("id", "greet").text("Greet").on("click", e ->
                    name.readValue().thenAccept(value -> greeting.text("Hello, " + value)));

            Element plain = root.appendNew("p").attribute("id", "plain");
            Element trusted = root.appendNew("div").attribute("id", "trusted");
            root.appendNew("button").attribute("id", "html").text("HTML").on("click", e -> {
                plain.text("<em>not parsed</em>");
                trusted.innerHtml("<em>trusted</em>");
            });

            root.appendNew("button").attribute("id", "build").text("Build").on("click", e -> {
                Element list = document.create("ul").attribute("id", "many");
                root.append(list);
                for (int i = 0; i < 1000; i++) {
                    list.appendNew("li").text("Item " + i);
                }
            });

            Element searched = root.appendNew("p").attribute("id", "searched");
            root.appendNew("input").attribute("id", "search").on("input",
                    EventOptions.debounced(Duration.ofMillis(300)), e -> {
                        searches++;
                        searched.text(e.value() + " after " + searches + " event(s)");
                    });
            Element entered = root.appendNew("p").attribute("id", "entered");
            root.appendNew("input").attribute("id", "enter").on("keydown", EventOptions.DEFAULT.onlyKeys("Enter"),
                    e -> entered.text(e.key() + ": " + e.value()));

            ticks = root.appendNew("ul").attribute("id", "ticks");
            root.appendNew("button").attribute("id", "timer").text("Timer").on("click", e -> {
                Block tick = document.record(b -> {
                    b.select("#ticks").appendNew("li").addClass("tick").text("tick");
                    b.sendToServer("tick");
                });
                timer = document.every(Duration.ofMillis(100), tick);
            });
            root.appendNew("p").attribute("id", "ticks-done");

            root.appendNew("a").attribute("id", "to-item").attribute("href", Routes.href("/items/7")).text("Item 7");
            root.appendNew("a").attribute("id", "to-private").attribute("href", Routes.href("/items/13"))
                    .text("Item 13");
            root.appendNew("a").attribute("id", "to-zero").attribute("href", Routes.href("/items/0")).text("Item 0");
            root.appendNew("button").attribute("id", "navigate").text("Go").on("click",
                    e -> document.navigate("/items/5"));
        }

        private void showCount() {
            count.text(String.valueOf(document.documents().count()));
        }

        @Override
        public void onMessage(Object data) {
            if ("tick".equals(data) && ++ticked == 3) {
                timer.stop();
                document.select("#ticks-done").text(String.valueOf(ticked));
            }
        }

        @Override
        public void onDocumentMessage(Object message, RemoteDocument from) {
            if ("count".equals(message)) {
                showCount();
            }
        }
    }

    /**
     * Measures server-to-browser operations per second (100 batches of 1,000 changes, then a read that answers only
     * once the browser applied them all) and the round trip of a property read (200 reads, one every 20 ms, within
     * the page's default message budget), and shows the figures as JSON in {@code #result}.
     */
    static final class BenchView implements View {
        static final int BATCHES = 100;
        static final int PER_BATCH = 1000;
        static final int READS = 200;
        private final ScheduledExecutorService pacing;

        BenchView(ScheduledExecutorService pacing) {
            this.pacing = pacing;
        }

        @Override
        public void start(RemoteDocument document) {
            Element input = document.root().appendNew("input").attribute("id", "probe").property("value", "x");
            Element result = document.root().appendNew("pre").attribute("id", "result");
            List<Element> cells = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                cells.add(document.root().appendNew("span").text("0"));
            }
            // Let the page settle (the first batch above applied) before timing.
            input.readValue().thenAccept(ready -> {
                long start = System.nanoTime();
                for (int b = 0; b < BATCHES; b++) {
                    int batch = b;
                    document.execute(() -> {
                        for (int i = 0; i < PER_BATCH / 2; i++) {
                            Element cell = cells.get(i % cells.size());
                            cell.text(batch + "." + i);
                            cell.style("left", i + "px");
                        }
                    });
                }
                document.execute(() -> cells.get(cells.size() - 1).readText().thenAccept(last -> {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double opsPerSecond = BATCHES * PER_BATCH / seconds;
                    measureReads(document, input, result, opsPerSecond, seconds, new ArrayList<>());
                }));
            });
        }

        private void measureReads(RemoteDocument document, Element input, Element result, double opsPerSecond,
                                  double seconds, List<Long> nanos) {
            long begin = System.nanoTime();
            input.readProperty("value").thenAccept(value -> {
                nanos.add(System.nanoTime() - begin);
                if (nanos.size() < READS) {
                    pacing.schedule(() -> document.execute(() -> measureReads(document, input, result, opsPerSecond,
                            seconds, nanos)), 20, TimeUnit.MILLISECONDS);
                } else {
                    List<Long> sorted = nanos.stream().sorted().toList();
                    result.text(String.format(Locale.ROOT, "{\"operations\": %d, \"seconds\": %.3f,"
                                    + " \"operationsPerSecond\": %.0f, \"reads\": %d, \"readMedianMs\": %.2f,"
                                    + " \"readP95Ms\": %.2f, \"readMaxMs\": %.2f}", BATCHES * PER_BATCH, seconds,
                            opsPerSecond, READS, sorted.get(READS / 2) / 1e6, sorted.get(READS * 95 / 100) / 1e6,
                            sorted.get(READS - 1) / 1e6));
                }
            });
        }
    }
}
