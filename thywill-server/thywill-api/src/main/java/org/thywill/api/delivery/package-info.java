/**
 * Guaranteed delivery: the session inbox that keeps messages until the client library acknowledges them, the
 * store the Database provides for it, and the receipts an application can wait for.
 */
package org.thywill.api.delivery;
