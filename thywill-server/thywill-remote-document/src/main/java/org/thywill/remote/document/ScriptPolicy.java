package org.thywill.remote.document;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Why an application's text never becomes script in its page: the elements and attributes that run script are
 * refused everywhere but {@link Element#innerHtml}, the one call named for trusted HTML. The browser runtime applies
 * the same rules (remote-document.js), so a batch that bypasses these checks is refused there too.
 */
final class ScriptPolicy {

    /** Elements that run script, or load a page or a plug-in that may. */
    static final Set<String> REFUSED_ELEMENTS = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
            "applet", "base", "meta", "portal");

    /** Attributes and properties whose value is a URL that {@code javascript:} would turn into script. */
    private static final Pattern URL_NAME = Pattern.compile(
            "(?i)href|src|action|formaction|xlink:href|data|poster|background|codebase");

    /** Attributes and properties that hold a whole page or markup. */
    private static final Set<String> MARKUP_NAMES = Set.of("srcdoc", "innerhtml", "outerhtml");

    private static final Pattern SCRIPT_URL = Pattern.compile("(?i)(javascript:|vbscript:|data:text/html).*");

    /** SVG's {@code <animate attributeName="href" values="javascript:...">} sets a URL past the URL check. */
    private static final Pattern ANIMATED_URL = Pattern.compile("(?i)href|xlink:href|src|on.*");

    private static final String TRUSTED = "for markup the application wrote itself, use Element.innerHtml(trustedHtml)";

    private ScriptPolicy() {
    }

    /**
     * @param tag a valid tag name
     * @throws IllegalArgumentException if the element runs script
     */
    static void checkElement(String tag) {
        if (REFUSED_ELEMENTS.contains(tag.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("The element '" + tag + "' is refused: it can run script in the page."
                    + " Listen with Element.on(...); " + TRUSTED + ".");
        }
    }

    /**
     * @param name a valid attribute or property name
     * @param value its value, or null when it is removed
     * @throws IllegalArgumentException if the attribute or property would run script
     */
    static void checkAttribute(String name, Object value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("on")) {
            throw new IllegalArgumentException("The event handler '" + name + "' is refused: listen with"
                    + " Element.on(...).");
        }
        if (MARKUP_NAMES.contains(lower)) {
            throw new IllegalArgumentException("'" + name + "' is refused: it holds markup that can run script. Set"
                    + " text with Element.text(...); " + TRUSTED + ".");
        }
        if (value instanceof String text && isScriptUrl(text) && URL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A script URL in '" + name + "' is refused: listen with"
                    + " Element.on(...); " + TRUSTED + ".");
        }
        if (value instanceof String text && lower.equals("attributename") && ANIMATED_URL.matcher(text.strip())
                .matches()) {
            throw new IllegalArgumentException("An animation of '" + text.strip() + "' is refused: it can set a"
                    + " script URL or handler; " + TRUSTED + ".");
        }
    }

    /** @return whether a URL runs script, as browsers read it (ignoring spaces and control characters) */
    static boolean isScriptUrl(String url) {
        return SCRIPT_URL.matcher(url.replaceAll("[\\x00-\\x20]", "")).matches();
    }
}
