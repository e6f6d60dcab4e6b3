package org.thywill.remote.document;

/** Why a view is no longer shown. */
public enum ViewEnd {
    /** Another view took its place in the same page (a route change, {@link RemoteDocument#show}). */
    REPLACED,
    /** The page closed, or its connection ended. */
    DOCUMENT_CLOSED
}
