package org.thywill.remote.document;

/** Makes the view a route shows, once for each document that shows it. */
@FunctionalInterface
public interface ViewFactory {

    /**
     * @param request the route, its variables and the document's connection
     * @return a new view
     */
    View create(PageRequest request);
}
