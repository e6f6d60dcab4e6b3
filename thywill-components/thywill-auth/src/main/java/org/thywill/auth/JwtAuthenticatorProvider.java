package org.thywill.auth;

import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;

/**
 * Provides the authentication {@code jwt}: signed tokens from the host application
 * (documentation/authentication.md).
 */
public final class JwtAuthenticatorProvider implements ComponentProvider<JwtSettings> {

    /** The name the settings file uses. */
    public static final String NAME = "jwt";

    @Override
    public ComponentDescriptor<JwtSettings> descriptor() {
        return new ComponentDescriptor<>(Slot.AUTHENTICATION, NAME, JwtSettings.class);
    }

    @Override
    public Component create(JwtSettings settings, ComponentContext context) {
        return new JwtAuthenticator(settings, JwtKeys.of(settings,
                settings.jwksFile().isEmpty() ? null : context.resolve(settings.jwksFile())));
    }
}
