package org.thywill.auth;

import org.thywill.api.Component;
import org.thywill.api.ComponentContext;

/**
 * Provides the authentication {@code jwt}: signed tokens from the host application
 * (documentation/authentication.md).
 */
public final class JwtAuthenticatorProvider extends AuthenticatorProvider<JwtSettings> {

    /** The name the settings file uses. */
    public static final String NAME = "jwt";

    /** For ServiceLoader. */
    public JwtAuthenticatorProvider() {
        super(NAME, JwtSettings.class);
    }

    @Override
    public Component create(JwtSettings settings, ComponentContext context) {
        return new JwtAuthenticator(settings, JwtKeys.of(settings,
                settings.jwksFile().isEmpty() ? null : context.resolve(settings.jwksFile())));
    }
}
