package org.thywill.remote.document;

import org.thywill.api.application.PageRenderException;

/**
 * A template could not be found, compiled or rendered. Its message names the template's class-path resource and the
 * line, and is what the browser is shown (as text) on the 500 page; the underlying failure (a database error while a
 * value was fetched, say) is only logged.
 */
public final class TemplateException extends PageRenderException {

    private final String template;
    private final int line;

    /**
     * @param template the template's class-path resource, such as {@code templates/todo-dom/list.mustache}
     * @param line the line that failed, from 1, or 0 when the failure has no line (the template is missing)
     * @param what what failed
     * @param cause the underlying failure, kept for the log only
     */
    public TemplateException(String template, int line, String what, Throwable cause) {
        super("The template " + template + (line > 0 ? " failed at line " + line : " failed") + ": " + what, cause);
        this.template = template;
        this.line = line;
    }

    /** @return the template's class-path resource, such as {@code templates/todo-dom/list.mustache} */
    public String template() {
        return template;
    }

    /** @return the line that failed, from 1, or 0 when the failure has no line */
    public int line() {
        return line;
    }
}
