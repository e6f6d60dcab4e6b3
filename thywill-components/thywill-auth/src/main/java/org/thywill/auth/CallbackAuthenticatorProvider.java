package org.thywill.auth;

import org.thywill.api.Component;
import org.thywill.api.ComponentContext;

/**
 * Provides the authentication {@code callback}: the host application's own login, asked over HTTP
 * (documentation/authentication.md).
 */
public final class CallbackAuthenticatorProvider extends AuthenticatorProvider<CallbackSettings> {

    /** The name the settings file uses. */
    public static final String NAME = "callback";

    /** For ServiceLoader. */
    public CallbackAuthenticatorProvider() {
        super(NAME, CallbackSettings.class);
    }

    @Override
    public Component create(CallbackSettings settings, ComponentContext context) {
        return new CallbackAuthenticator(settings);
    }
}
