package org.thywill.application.loader;

import java.util.function.Supplier;

/**
 * What a watching {@link ApplicationSource} reports. Called on its watch thread, one change at a time. A new or
 * replaced jar is loaded only when the listener asks, so a replaced jar's old class loader can be closed first.
 */
interface BundleChanges {

    /**
     * @param source the jar's file name
     * @param load loads the jar in a class loader of its own
     */
    void added(String source, Supplier<ApplicationBundle> load);

    /**
     * @param source the jar's file name
     * @param load loads the jar's new content in a new class loader
     */
    void replaced(String source, Supplier<ApplicationBundle> load);

    /** @param source the jar's file name */
    void removed(String source);
}
