/**
 * Session data: typed attributes kept per browser session (every tab of one browser) and application, stored by the
 * Database so that every cluster node sees them, and deleted when the session expires.
 */
package org.thywill.api.session;
