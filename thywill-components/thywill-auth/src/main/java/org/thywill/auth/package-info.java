/**
 * The implementations of the authentication slot: {@code anonymous}, {@code jwt} and {@code callback}
 * (documentation/authentication.md), and the browser script they give every page.
 */
package org.thywill.auth;
