/**
 * The remote document: an application written in Java alone creates, changes and reads the elements of each open
 * page and handles their events, as webalchemy and pycommunicate let Python do.
 *
 * <p>An application extends {@link org.thywill.remote.document.RemoteDocumentApplication} and maps routes to
 * {@link org.thywill.remote.document.View}s; each open page is a {@link org.thywill.remote.document.RemoteDocument}.
 * Everything travels as ordinary Thywill messages: the server sends batches of operations ({@code {"dom": [...]}}),
 * the browser runtime ({@code remote-document.js}, in this jar) answers with events, read results and route changes.
 * The protocol and a walk-through are in {@code documentation/remote-document.md}.
 *
 * <p>Threading: every callback of one document (its view's start, event handlers, messages, read results) runs on
 * that document's own sequence, one at a time and in order, on the application's worker threads, never on a server
 * thread. Operations a callback issues are sent together when it returns.
 */
package org.thywill.remote.document;
