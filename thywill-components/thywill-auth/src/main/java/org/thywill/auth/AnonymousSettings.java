package org.thywill.auth;

/** The {@code authentication} section for implementation {@code anonymous}: it has no keys. */
public record AnonymousSettings() {
}
