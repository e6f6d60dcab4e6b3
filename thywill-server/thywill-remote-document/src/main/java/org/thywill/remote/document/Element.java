package org.thywill.remote.document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * One element of a page as the server sees it: created by the server (a handle), the view's container, the body, or
 * whatever a CSS selector finds when each operation is applied. Changes are queued and sent with the rest of the
 * batch; reads answer later, as a {@link CompletionStage}. Setters return this, for chaining.
 *
 * <p>Text is always set as text ({@link #text}); only {@link #innerHtml} parses HTML. Whatever runs script is
 * refused with an {@link IllegalArgumentException} naming it: event-handler attributes and properties
 * ({@code onclick}), {@code srcdoc}, {@code javascript:} URLs in {@code href}, {@code src}, {@code action} and the
 * like, and script-bearing elements ({@code script}, {@code iframe}, {@code object}, {@code embed}, ...). Listen
 * with {@link #on} instead; markup the application wrote itself goes through {@link #innerHtml}.
 *
 * <p>Thread-safe: any thread may call it; see {@link RemoteDocument} for when operations are sent.
 */
public final class Element {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_:.-]*");
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final DocumentOperations owner;
    private final Object ref;
    private final int generation;
    private final Object recording;

    /**
     * @param generation the view generation a handle belongs to, or -1 for references that outlive views
     * @param recording the recording whose block created it, or null
     */
    Element(DocumentOperations owner, Object ref, int generation, Object recording) {
        this.owner = owner;
        this.ref = ref;
        this.generation = generation;
        this.recording = recording;
    }

    Object ref() {
        return ref;
    }

    int generation() {
        return generation;
    }

    Object recording() {
        return recording;
    }

    // --- Content ----------------------------------------------------------------------------------------------------

    /**
     * @param text the element's whole content, as text: {@code <b>} shows as {@code <b>}
     * @return this
     */
    public Element text(String text) {
        owner.emit(Ops.text(ref, Objects.requireNonNull(text, "text")), this);
        return this;
    }

    /**
     * Replaces the element's content with HTML the browser parses. Never pass anything a person typed: that is how
     * pages get script injected. Use {@link #text} for text.
     *
     * @param trustedHtml HTML the application wrote itself
     * @return this
     */
    public Element innerHtml(String trustedHtml) {
        owner.emit(Ops.html(ref, Objects.requireNonNull(trustedHtml, "trustedHtml")), this);
        return this;
    }

    /** @return this, with every child removed */
    public Element clear() {
        owner.emit(Ops.clear(ref), this);
        return this;
    }

    // --- Attributes, properties, classes, styles ----------------------------------------------------------------------

    /**
     * @param name an attribute's name; not an event handler ({@code on...}) nor {@code srcdoc}
     * @param value its value, or null to remove it; not a {@code javascript:} URL
     * @return this
     * @throws IllegalArgumentException if the attribute would run script
     */
    public Element attribute(String name, String value) {
        ScriptPolicy.checkAttribute(checkAttribute(name), value);
        owner.emit(Ops.attribute(ref, name, value), this);
        return this;
    }

    /**
     * @param name an attribute's name
     * @return this, without that attribute
     */
    public Element removeAttribute(String name) {
        return attribute(name, null);
    }

    /**
     * @param name a DOM property, such as {@code value}, {@code checked} or {@code disabled}; not {@code innerHTML}
     *             or an event handler
     * @param value a JSON value: String, Number, Boolean or null; not a {@code javascript:} URL
     * @return this
     * @throws IllegalArgumentException if the property would run script
     */
    public Element property(String name, Object value) {
        ScriptPolicy.checkAttribute(checkProperty(name), value);
        owner.emit(Ops.property(ref, name, value), this);
        return this;
    }

    /**
     * @param name a class
     * @return this, with the class added
     */
    public Element addClass(String name) {
        return toggleClass(name, true);
    }

    /**
     * @param name a class
     * @return this, with the class removed
     */
    public Element removeClass(String name) {
        return toggleClass(name, false);
    }

    /**
     * @param name a class
     * @param on add it, or remove it
     * @return this
     */
    public Element toggleClass(String name, boolean on) {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A class name is one word, not '" + name + "'.");
        }
        owner.emit(Ops.classOp(ref, name, on), this);
        return this;
    }

    /**
     * @param property a CSS property as CSS spells it, such as {@code left} or {@code background-color}
     * @param value its value, such as {@code 50px}, or null to remove it
     * @return this
     */
    public Element style(String property, String value) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put(property, value);
        return styles(one);
    }

    /**
     * @param styles CSS properties and values (null removes one), applied together
     * @return this
     */
    public Element styles(Map<String, String> styles) {
        styles.keySet().forEach(Element::checkStyle);
        owner.emit(Ops.styles(ref, styles), this);
        return this;
    }

    // --- Structure --------------------------------------------------------------------------------------------------

    /**
     * @param child an element to put last inside this one (moved, if it is in the page already)
     * @return this
     */
    public Element append(Element child) {
        return place(child, "append");
    }

    /**
     * @param child an element to put first inside this one
     * @return this
     */
    public Element prepend(Element child) {
        return place(child, "prepend");
    }

    /**
     * @param sibling an element to put just before this one
     * @return this
     */
    public Element before(Element sibling) {
        return place(sibling, "before");
    }

    /**
     * @param sibling an element to put just after this one
     * @return this
     */
    public Element after(Element sibling) {
        return place(sibling, "after");
    }

    /**
     * pycommunicate's {@code append_element_inside_self}.
     *
     * @param tag an HTML tag name
     * @return a new element, appended last inside this one
     */
    public Element appendNew(String tag) {
        Element child = owner.create(tag);
        append(child);
        return child;
    }

    /** Removes the element from the page for good (its handle, and those of elements inside it, are released). */
    public void remove() {
        owner.emit(Ops.remove(ref), this);
    }

    private Element place(Element node, String where) {
        Objects.requireNonNull(node, "element");
        if (node.owner != owner) {
            throw new IllegalArgumentException("That element belongs to another document.");
        }
        owner.emit(Ops.place(node.ref, where, ref), this, node);
        return this;
    }

    // --- Focus --------------------------------------------------------------------------------------------------------

    /** @return this, focused */
    public Element focus() {
        owner.emit(Ops.call(ref, "focus"), this);
        return this;
    }

    /** @return this, scrolled into view */
    public Element scrollIntoView() {
        owner.emit(Ops.call(ref, "scrollIntoView"), this);
        return this;
    }

    // --- Events -------------------------------------------------------------------------------------------------------

    /**
     * Listens to an event. A {@code submit} listener prevents the browser's own submission.
     *
     * @param type an event type, such as {@code click}, {@code input}, {@code change}, {@code submit} or
     *             {@code keydown}
     * @param handler runs on the server, on the document's sequence, with the event's fields
     * @return this
     */
    public Element on(String type, EventHandler handler) {
        return on(type, "submit".equals(type) ? EventOptions.DEFAULT.preventingDefault() : EventOptions.DEFAULT,
                handler);
    }

    /**
     * @param type an event type
     * @param options throttling, debouncing, keys, preventing the default
     * @param handler runs on the server with the event's fields
     * @return this
     */
    public Element on(String type, EventOptions options, EventHandler handler) {
        if (type == null || !NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("Not an event type: '" + type + "'.");
        }
        owner.listen(this, type, Objects.requireNonNull(options), Objects.requireNonNull(handler));
        return this;
    }

    /**
     * @param type an event type
     * @return this, with every listener for that type that was added through this element removed
     */
    public Element off(String type) {
        owner.unlisten(this, type);
        return this;
    }

    // --- Reads ----------------------------------------------------------------------------------------------------------

    /**
     * @return the element's {@code textContent}, once the browser answers; fails with {@link ReadTimeoutException},
     *         {@link DocumentClosedException} or {@link BrowserException}
     */
    public CompletionStage<String> readText() {
        return owner.read(this, "text", null).thenApply(Element::asString);
    }

    /**
     * @param name an attribute
     * @return its value, or null if the element has none
     */
    public CompletionStage<String> readAttribute(String name) {
        return owner.read(this, "attr", checkAttribute(name)).thenApply(Element::asString);
    }

    /**
     * @param name a DOM property, such as {@code value}, {@code checked}, {@code scrollTop}
     * @return its value as a JSON value tree (String, Long, Double, Boolean, Map, List or null)
     */
    public CompletionStage<Object> readProperty(String name) {
        return owner.read(this, "prop", checkProperty(name));
    }

    /** @return the {@code value} property, such as what an input holds, as a String */
    public CompletionStage<String> readValue() {
        return readProperty("value").thenApply(Element::asString);
    }

    private static String asString(Object value) {
        return value == null ? null : value instanceof String s ? s : String.valueOf(value);
    }

    private static String checkAttribute(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not an attribute name: '" + name + "'.");
        }
        return name;
    }

    private static String checkProperty(String name) {
        if (name == null || !PROPERTY.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a property name: '" + name + "'.");
        }
        return name;
    }

    private static void checkStyle(String property) {
        if (property == null || !property.matches("-{0,2}[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("Not a CSS property as CSS spells it (such as background-color): '"
                    + property + "'.");
        }
    }
}
