package org.thywill.resources;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.thywill.api.application.Application;
import org.thywill.api.application.ApplicationContext;
import org.thywill.api.application.ApplicationDescriptor;
import org.thywill.api.application.Callable;
import org.thywill.api.application.ClientSide;
import org.thywill.api.application.PageRequest;
import org.thywill.api.client.Connection;
import org.thywill.api.http.HttpEndpoint;
import org.thywill.api.http.HttpResponse;

/**
 * The base of an application whose tables are live resources. A subclass names itself in its constructor, declares the resources
 * (records, whose tables the library makes, or tables its own migrations make), and lists its class's service
 * entry as any application does:
 *
 * <pre>{@code
 * public record Product(long id, @Unique @MaxLength(80) String name, @Default("0") int stock) {}
 *
 * public final class ShopApplication extends ResourceApplication {
 *     public ShopApplication() { super("shop", "Shop"); }       // the id and the title
 *     protected void resources(Resources resources) {
 *         resources.record("products", Product.class, AccessRule.EVERYONE);
 *     }
 * }
 * }</pre>
 *
 * <p>It then serves {@code /api/shop/products} (see {@link Resources}), the generated pages at
 * {@code /thywill/init/shop/resources/products}, and the callable functions {@code resources.watch} and
 * {@code resources.unwatch} the generated pages (and the subclass's own pages) use to receive changes live.
 */
public abstract class ResourceApplication implements Application {

    private final String id;
    private final String title;
    private final Resources resources = new Resources();
    private boolean declared;
    private volatile ApplicationContext context;

    /**
     * @param id the application's id (see {@link ApplicationDescriptor#id()}): its REST resources are under
     *        {@code /api/{id}/}
     * @param title its page's title; null for the id
     */
    protected ResourceApplication(String id, String title) {
        this.id = id;
        this.title = title == null ? id : title;
    }

    /** @return the application's id */
    protected final String id() {
        return id;
    }

    /**
     * Declares the resources, once, before the application starts.
     *
     * @param resources where to declare them
     */
    protected abstract void resources(Resources resources);

    /**
     * The application's own page: its body, scripts and styles under the class-path folder
     * {@value Resources#CLIENT_FOLDER}, named relative to it; none by default, which makes the application's root
     * page the index of its resources.
     *
     * @return the page
     */
    protected ClientSide page() {
        return ClientSide.none();
    }

    /**
     * Called once when the application starts, after the resources' schemas were read.
     *
     * @param context the application's context
     * @throws Exception to refuse to start
     */
    protected void onStart(ApplicationContext context) throws Exception {
    }

    /**
     * @return the application's context
     * @throws IllegalStateException before the application started
     */
    protected final ApplicationContext context() {
        ApplicationContext c = context;
        if (c == null) {
            throw new IllegalStateException("The application '" + id() + "' has not started yet.");
        }
        return c;
    }

    /** @return the resources, to change rows from the application's code */
    protected final Resources resources() {
        synchronized (resources) {
            if (!declared) {
                resources(resources);
                declared = true;
            }
        }
        return resources;
    }

    @Override
    public List<HttpEndpoint> endpoints() {
        return resources().endpoints(id());
    }

    @Override
    public final ApplicationDescriptor descriptor() {
        return new ApplicationDescriptor(id, title, resources().clientSide(page()));
    }

    @Override
    public Optional<HttpResponse> beforePage(PageRequest request) {
        return resources().beforePage(request);
    }

    @Override
    public void start(ApplicationContext context) throws Exception {
        resources().start(context);
        this.context = context;
        onStart(context);
    }

    /**
     * Lets the caller's page receive a resource's changes, or one row's (see {@link Resources#watch}).
     *
     * @param caller the calling connection
     * @param resource the resource's name
     * @param id a row's primary key, or null for every row
     * @return {@code {"channel": ...}} or {@code {"error": {...}}}
     */
    @Callable("resources.watch")
    public Map<String, Object> watch(Connection caller, String resource, Object id) {
        return resources().watch(caller, resource, id);
    }

    /**
     * Ends a watch (see {@link Resources#unwatch}).
     *
     * @param caller the calling connection
     * @param resource the resource's name
     * @param id a row's primary key, or null for every row
     * @return {@code {"channel": ...}} or {@code {"error": {...}}}
     */
    @Callable("resources.unwatch")
    public Map<String, Object> unwatch(Connection caller, String resource, Object id) {
        return resources().unwatch(caller, resource, id);
    }
}
