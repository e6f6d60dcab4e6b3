package org.thywill.auth;

import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;

/**
 * What the providers of the authentication slot share: the slot, a name and a settings type.
 *
 * @param <S> the settings record
 */
abstract class AuthenticatorProvider<S> implements ComponentProvider<S> {

    private final String name;
    private final Class<S> settingsType;

    AuthenticatorProvider(String name, Class<S> settingsType) {
        this.name = name;
        this.settingsType = settingsType;
    }

    @Override
    public final Slot slot() {
        return Slot.AUTHENTICATION;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<S> settingsType() {
        return settingsType;
    }
}
