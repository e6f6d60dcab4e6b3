package org.thywill.remote.document;

import java.util.Optional;
import org.thywill.api.session.SessionAttribute;

/** A view that reads session data when it renders and changes it from an event: for {@link SessionDataViewTest}. */
public final class SessionDataApplication extends RemoteDocumentApplication {

    /** How many times this browser pressed More. */
    static final SessionAttribute<Long> PRESSED = SessionAttribute.of("pressed", Long.class);

    /** For ServiceLoader. */
    public SessionDataApplication() {
        super("rd-session", null);
    }

    @Override
    protected void routes(Routes routes) {
        routes.view("/", request -> new View() {
            @Override
            public Optional<String> render(Templates templates) {
                long pressed = context().session(request.session()).get(PRESSED).orElse(0L);
                return Optional.of("<p id=\"pressed\">" + pressed + "</p><button id=\"more\">More</button>");
            }

            @Override
            public void start(RemoteDocument document) {
                Element pressed = document.attach("#pressed");
                document.attach("#more").on("click", event -> pressed.text(Long.toString(
                        context().session(request.session()).increment(PRESSED, 1))));
            }
        });
    }
}
