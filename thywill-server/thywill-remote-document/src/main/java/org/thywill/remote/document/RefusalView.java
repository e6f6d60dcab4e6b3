package org.thywill.remote.document;

/** Makes the view a document shows when a route is refused: unknown, or turned away by a {@link BeforePage}. */
@FunctionalInterface
public interface RefusalView {

    /**
     * @param request the route that was refused
     * @param status the HTTP status it stands for
     * @param message what to tell the person
     * @return a new view
     */
    View create(PageRequest request, int status, String message);
}
