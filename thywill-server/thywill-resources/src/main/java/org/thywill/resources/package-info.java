/**
 * Live resources: a record (whose table the library creates or checks) or a table an application owns, served as a
 * JSON REST resource under {@code /api/{appId}/{name}} with its foreign keys as relations, published change by change to the pages that watch it, and browsable on a generated page. Start with
 * {@link org.thywill.resources.ResourceApplication} or, inside an existing application, {@link
 * org.thywill.resources.Resources}.
 */
package org.thywill.resources;
