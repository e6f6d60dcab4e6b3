package org.thywill.apps.webalchemy;

import org.thywill.remote.document.RemoteDocument;
import org.thywill.remote.document.RemoteDocumentApplication;
import org.thywill.remote.document.Routes;

/**
 * webalchemy's README example, "the complete implementation of a simple realtime application", in Java: one view
 * per page ({@link DemoView}), and the count of open documents sent to every page as pages open and close.
 */
public final class WebalchemyDemoApplication extends RemoteDocumentApplication {

    /** For ServiceLoader. */
    public WebalchemyDemoApplication() {
        super("webalchemy-demo", "webalchemy demo");
    }

    @Override
    protected void routes(Routes routes) {
        routes.view("/", request -> new DemoView());
    }

    /** webalchemy's {@code onclose}: tell every page left how many there are now. */
    @Override
    protected void onDocumentClosed(RemoteDocument document) {
        documents().broadcast(documents().count(), null);
    }
}
