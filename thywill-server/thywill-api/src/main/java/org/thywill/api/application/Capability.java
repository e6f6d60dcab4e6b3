package org.thywill.api.application;

/**
 * What an application may ask the server for beyond what every application gets, by listing it in
 * {@link Application#capabilities()}. The server grants a capability only when its settings allow it; an
 * application that asks for one it is not granted does not run, and the log says which setting would grant it.
 */
public enum Capability {

    /**
     * The server's view and actions ({@link ApplicationContext#admin()}), for an operator's console. Granted only
     * when {@code server.admin} is on: then an application asking for it runs whatever {@code application.enabled}
     * lists, it is never the default application, and it cannot be undeployed through the view itself. Off, it
     * does not run.
     */
    ADMIN
}
