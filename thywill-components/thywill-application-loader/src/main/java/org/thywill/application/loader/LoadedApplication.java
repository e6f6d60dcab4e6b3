package org.thywill.application.loader;

import org.thywill.api.application.Application;

/**
 * An application instance with the class loader it came from (its files are read through it) and a description
 * of where that was.
 *
 * @param application the instance
 * @param loader its class loader
 * @param source for example the jar's file name
 */
record LoadedApplication(Application application, ClassLoader loader, String source) {
}
