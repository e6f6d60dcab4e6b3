package org.thywill.remote.document;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.TemplateContext;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;

/**
 * The application's Mustache templates (<a href="https://mustache.github.io/mustache.5.html">the syntax</a>), read
 * from its own jar under one class-path folder and compiled once each. Every {@code {{value}}} is HTML-escaped;
 * only {@code {{{value}}}} is not, so use it for markup the application wrote itself and never for what a person
 * typed. A value is looked up by name in a {@link java.util.Map} or as a record component (or a getter, or a field)
 * of the object given, so pass records or maps. Thread-safe.
 *
 * <p>Templates are logic-less on purpose: a view computes what to show in Java, and the template only lays it out.
 */
public final class Templates {

    private final String folder;
    private final DefaultMustacheFactory factory;

    /**
     * @param loader the class loader of the application, whose jar holds the templates
     * @param folder the class-path folder, such as {@code templates/todo-dom}
     */
    Templates(ClassLoader loader, String folder) {
        Objects.requireNonNull(loader, "loader");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.factory = new DefaultMustacheFactory(name -> {
            InputStream in = loader.getResourceAsStream(resource(name));
            return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
        });
    }

    /** @return the class-path folder the templates are read from */
    public String folder() {
        return folder;
    }

    /**
     * Renders a template.
     *
     * @param name the template's file name in {@link #folder()}, such as {@code list.mustache}
     * @param scope the values: a record, a map or any object whose getters or fields name them
     * @return the HTML
     * @throws TemplateException naming the template and line, if it is missing, does not compile or fails
     */
    public String render(String name, Object scope) {
        Mustache template = compile(name);
        StringWriter out = new StringWriter();
        try {
            template.execute(out, scope);
        } catch (MustacheException e) {
            throw failure(name, e);
        } catch (RuntimeException e) {
            throw new TemplateException(resource(name), 0, "it could not be rendered", e);
        }
        return out.toString();
    }

    /**
     * Compiles each template now, so that a missing or broken one stops the application's start, naming it.
     *
     * @param names file names in {@link #folder()}
     * @throws TemplateException for the first that is missing or does not compile
     */
    void require(Collection<String> names) {
        names.forEach(this::compile);
    }

    private Mustache compile(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return factory.compile(name);
        } catch (MustacheException e) {
            throw failure(name, e);
        }
    }

    private String resource(String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /**
     * Where: the innermost context (a partial's own line, not the line that included it). What: the outermost
     * message ("Failed to get value for items"), as the inner ones name Java classes and objects.
     */
    private TemplateException failure(String name, MustacheException e) {
        MustacheException located = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MustacheException m && m.getContext() != null) {
                located = m;
            }
        }
        if (located instanceof MustacheNotFoundException missing) {
            return new TemplateException(resource(missing.getName()), 0, "there is no such file in the application's"
                    + " jar", e);
        }
        TemplateContext where = located.getContext();
        String what = e.getContext() == null ? e.getMessage() : stripContext(e.getMessage(), e.getContext());
        return new TemplateException(resource(where == null ? name : where.file()), where == null ? 0 : where.line(),
                what, e);
    }

    /** Mustache.java appends {@code " @[file:line]"} to its messages; the exception says it better. */
    private static String stripContext(String message, TemplateContext where) {
        String suffix = " @" + where;
        return message != null && message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length())
                : String.valueOf(message);
    }
}
