package org.thywill.remote.document;

import java.util.ArrayList;
import java.util.List;
import org.thywill.api.application.ClientSide;

/**
 * The browser side of a remote-document application: the runtime script from this library's jar, plus the
 * application's own style sheets. The runtime sits in the class-path folder {@value #FOLDER}, which an
 * application's class loader reaches through its parent; an application's own browser files go in a folder of its
 * own beneath it ({@code thywill/remote-document/todo-dom/todo.css}), so that one {@link ClientSide} folder holds
 * both.
 */
public final class RemoteDocumentClient {

    /** The class-path folder of the runtime and of applications' own browser files. */
    public static final String FOLDER = "thywill/remote-document";
    /** The runtime's file name in {@value #FOLDER}. */
    public static final String RUNTIME = "remote-document.js";

    private RemoteDocumentClient() {
    }

    /**
     * @param styleSheets style sheets relative to {@value #FOLDER}, such as {@code todo-dom/todo.css}
     * @return the runtime and those style sheets, with an empty page body (the views fill it)
     */
    public static ClientSide clientSide(List<String> styleSheets) {
        for (String sheet : styleSheets) {
            if (sheet.startsWith("/") || sheet.contains("..")) {
                throw new IllegalArgumentException("A style sheet is named relative to " + FOLDER + ", such as"
                        + " my-app/my-app.css; not '" + sheet + "'.");
            }
        }
        return new ClientSide(FOLDER, null, List.of(RUNTIME), new ArrayList<>(styleSheets));
    }
}
