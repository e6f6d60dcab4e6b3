package org.thywill.remote.document;

/** What runs on the server when a browser event happens; on the document's own sequence (see the package). */
@FunctionalInterface
public interface EventHandler {

    /**
     * @param event the event's fields
     * @throws Exception logged with the document's id; the document carries on
     */
    void handle(DomEvent event) throws Exception;
}
