package org.thywill.remote.document;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.thywill.api.application.ApplicationContext;

/**
 * What every document of one application shares: the way to send, the routes, the settings, the threads, the
 * registry of open documents, the application's document hooks and its templates.
 */
record DocumentHost(ApplicationContext context, Routes routes, RemoteDocumentSettings settings, Executor workers,
                    ScheduledExecutorService clock, Documents documents, Hooks hooks, Templates templates) {

    /** The application's callbacks for documents opening and closing. */
    interface Hooks {
        void opened(RemoteDocument document) throws Exception;

        void closed(RemoteDocument document) throws Exception;
    }
}
