package org.thywill.api.application;

/**
 * Who an application is and what its page shows, given once in {@link Application#descriptor()}.
 *
 * @param id the id, unique on the server: 1 to 64 letters, digits, '-', '_' and '.', starting with a letter or
 *        digit (it appears in URLs and channels); the server refuses to run an application with another
 * @param title the page's title; null for the id
 * @param client the browser side of the application: its page body, scripts and styles; null for none
 */
public record ApplicationDescriptor(String id, String title, ClientSide client) {

    /** Supplies the defaults for a null title or client. */
    public ApplicationDescriptor {
        title = title == null ? id : title;
        client = client == null ? ClientSide.none() : client;
    }

    /**
     * An application without a browser side of its own, titled with its id.
     *
     * @param id the id
     */
    public ApplicationDescriptor(String id) {
        this(id, null, null);
    }
}
