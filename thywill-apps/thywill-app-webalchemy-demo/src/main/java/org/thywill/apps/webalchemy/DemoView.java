package org.thywill.apps.webalchemy;

import java.time.Duration;
import java.util.Map;
import org.thywill.remote.document.Block;
import org.thywill.remote.document.Element;
import org.thywill.remote.document.RemoteDocument;
import org.thywill.remote.document.Timer;
import org.thywill.remote.document.View;

/**
 * One page of the demo, line for line webalchemy's {@code my_app}: {@code initialize} is {@link #start},
 * {@code inmessage} is {@link #onMessage}, {@code outmessage} is {@link #onDocumentMessage}.
 */
final class DemoView implements View {

    static final String INTERVAL = "interval!";
    private static final String STYLE = """
            body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #f6f8fa; }
            [data-remote-document-root] { position: relative; min-height: 100vh; padding: 0 1.5rem; }
            p { margin: .4rem 0; }
            p.moving { position: absolute; margin: 0; padding: .3rem .8rem; border-radius: .4rem; background: #24476b;
                       color: #fff; transition: left .4s ease, top .4s ease; }
            p.smile { display: inline-block; margin-right: .5rem; font-size: 1.3rem; }
            """;

    private RemoteDocument document;
    private Element paragraphs;
    private Element openDocuments;
    private Element moving;
    private Timer ping;
    private Timer smiles;
    private int count;

    @Override
    public void start(RemoteDocument document) {
        this.document = document;
        document.title("webalchemy demo");
        document.addStyleSheet(STYLE);
        paragraphs = document.create("p").attribute("id", "paragraphs").text("This is an empty document");
        document.root().append(paragraphs);
        int total = document.documents().count();
        openDocuments = document.create("p").attribute("id", "documents").text("total documents open: " + total);
        document.root().append(openDocuments);
        // Every second the browser itself sends "interval!" back: the server never polls.
        ping = document.every(Duration.ofSeconds(1), document.record(page -> page.sendToServer(INTERVAL)));
        // webalchemy's begin() ... end(): recorded once, replayed by the browser every 2.5 s with no round trip.
        Block smile = document.record(page -> page.root().append(page.create("p").addClass("smile").text(":)")));
        smiles = document.every(Duration.ofMillis(2500), smile);
        // msg_in_proc: every other page learns the new count.
        document.broadcast(total);
    }

    @Override
    public void onMessage(Object data) {
        if (!INTERVAL.equals(data)) {
            return;
        }
        if (count > 5) {
            ping.stop();
            smiles.stop();
        }
        count++;
        if (moving != null) {
            moving.remove();
        }
        moving = document.create("p").addClass("moving").attribute("id", "moving").text("New paragraph #" + count)
                .styles(Map.of("position", "absolute", "left", 50 * count + "px", "top", 50 * count + "px"));
        document.root().append(moving);
        paragraphs.text("there are now " + (count + 1) + " paragraphs");
    }

    @Override
    public void onDocumentMessage(Object message, RemoteDocument from) {
        openDocuments.text("total documents open: " + message);
    }
}
