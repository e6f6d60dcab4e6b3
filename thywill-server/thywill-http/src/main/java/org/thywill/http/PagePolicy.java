package org.thywill.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strict Content-Security-Policy of a page whose application asks for it (the admin console): scripts, styles
 * and connections from this server only, and of the page's inline scripts exactly those it was served with (by
 * their SHA-256), so that script injected into the page does not run; and the looser one of every other page.
 */
final class PagePolicy {

    /**
     * The policy of an application's page, whose scripts the application writes (inline ones included): no
     * plugins, no {@code <base>} pointing elsewhere, no framing by another site. It leaves scripts to the
     * application.
     */
    static final String APPLICATION_PAGE = "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(\\s[^>]*)?>(.*?)</script>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\ssrc\\s*=", Pattern.CASE_INSENSITIVE);

    private PagePolicy() {
    }

    /**
     * @param html the page as served
     * @return its policy
     */
    static String of(String html) {
        StringBuilder scripts = new StringBuilder("'self'");
        Matcher script = INLINE_SCRIPT.matcher(html);
        while (script.find()) {
            String attributes = script.group(1);
            if (attributes == null || !SRC.matcher(attributes).find()) {
                scripts.append(" 'sha256-").append(sha256(script.group(2))).append('\'');
            }
        }
        // CometD's client runs its timers in a Worker made from a blob: URL, so that a background tab's are not
        // throttled.
        return "default-src 'self'; script-src " + scripts + "; worker-src 'self' blob:; style-src 'self';"
                + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
                + " frame-ancestors 'none'";
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
