package org.thywill.auth;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ComponentDescriptor;
import org.thywill.api.ComponentProvider;
import org.thywill.api.Slot;
import org.thywill.api.auth.Authentication;
import org.thywill.api.auth.Credentials;

/**
 * Provides the authentication {@code anonymous}, the default: every page connects without a user, as Thywill did
 * before authentication; a token a page sends is ignored.
 */
public final class AnonymousAuthenticatorProvider implements ComponentProvider<AnonymousSettings> {

    /** The name the settings file uses. */
    public static final String NAME = "anonymous";

    @Override
    public ComponentDescriptor<AnonymousSettings> descriptor() {
        return new ComponentDescriptor<>(Slot.AUTHENTICATION, NAME, AnonymousSettings.class);
    }

    @Override
    public Component create(AnonymousSettings settings, ComponentContext context) {
        return new Anonymous();
    }

    /** Lets everyone in, without a user. */
    private static final class Anonymous extends BrowserAuthenticator {
        Anonymous() {
            super(new AuthScript(NAME, Duration.ZERO));
        }

        @Override
        public CompletionStage<Authentication> authenticate(Credentials credentials) {
            return CompletableFuture.completedFuture(Authentication.anonymous());
        }
    }
}
