package org.thywill.remote.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The view's HTML rendered on the server into the page, in the runtime's view container, marked with a digest of
 * itself: when the page connects, the view renders again and the server sends its HTML only if the digest differs
 * (the data changed in between), so a page never shows its first view twice nor a stale one.
 */
final class FirstRender {

    static final String ROOT_ATTRIBUTE = "data-remote-document-root";
    static final String DIGEST_ATTRIBUTE = "data-rendered";

    private FirstRender() {
    }

    /** @return the view's container holding the HTML, as the page's body */
    static String body(String html) {
        return "<div " + ROOT_ATTRIBUTE + " " + DIGEST_ATTRIBUTE + "=\"" + digest(html) + "\">" + html + "</div>";
    }

    /** @return a short digest of the HTML: hexadecimal, safe in an attribute */
    static String digest(String html) {
        try {
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sum, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
