package org.thywill.auth;

import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;

/**
 * Provides the authentication {@code callback}: the host application's own login, asked over HTTP
 * (documentation/authentication.md).
 */
public final class CallbackAuthenticatorProvider implements ComponentProvider<CallbackSettings> {

    /** The name the settings file uses. */
    public static final String NAME = "callback";

    @Override
    public ComponentDescriptor<CallbackSettings> descriptor() {
        return new ComponentDescriptor<>(Slot.AUTHENTICATION, NAME, CallbackSettings.class);
    }

    @Override
    public Component create(CallbackSettings settings, ComponentContext context) {
        return new CallbackAuthenticator(settings);
    }
}
