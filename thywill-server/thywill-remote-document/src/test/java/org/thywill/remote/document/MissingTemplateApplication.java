package org.thywill.remote.document;

import java.util.List;

/** Declares a template its jar does not hold, so it must not start: for {@link ServerRenderingTest}. */
public final class MissingTemplateApplication extends RemoteDocumentApplication {

    /** For ServiceLoader. */
    public MissingTemplateApplication() {
        super("rd-missing", null);
    }

    @Override
    protected String templateFolder() {
        return "templates/rd-render";
    }

    @Override
    protected List<String> templates() {
        return List.of("list.mustache", "nowhere.mustache");
    }

    @Override
    protected void routes(Routes routes) {
        routes.view("/", request -> document -> document.root().appendNew("p").text("Never shown"));
    }
}
