/**
 * The read-only view of a running server, and the few actions, that the admin console (an application
 * that asks for {@link org.thywill.api.application.Capability#ADMIN}) is given when {@code server.admin} is on: see
 * {@link org.thywill.api.admin.AdminAccess}. Components offer their part by implementing {@link
 * org.thywill.api.admin.ConnectionAdmin}, {@link org.thywill.api.admin.ChannelAdmin} or {@link
 * org.thywill.api.admin.ApplicationAdmin}; one that does not is shown as "not available".
 */
package org.thywill.api.admin;
