package org.thywill.kernel.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.thywill.api.admin.AdminAccess;
import org.thywill.api.admin.ServerView;

/** The admin console's access when {@code server.admin} is on: the kernel's view and the token check. */
public final class KernelAdminAccess implements AdminAccess {

    private final ServerView view;
    private final byte[] tokenDigest;

    /**
     * @param view the server's view
     * @param token {@code server.adminToken}, not blank
     */
    public KernelAdminAccess(ServerView view, String token) {
        this.view = view;
        this.tokenDigest = digest(token);
    }

    @Override
    public ServerView view() {
        return view;
    }

    @Override
    public boolean acceptsToken(String candidate) {
        if (candidate == null) {
            return false;
        }
        // Digests have one length whatever was typed, and isEqual does not stop at the first difference.
        return MessageDigest.isEqual(tokenDigest, digest(candidate));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
