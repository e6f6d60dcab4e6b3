package org.thywill.resources;

import java.util.Map;
import org.thywill.api.application.Callable;

/**
 * The tests' application: customers anyone may list, read, create and change but only an administrator (header
 * {@code X-Shop-Admin: yes}) delete; orders read-only through REST (the default rule), changed by the application's
 * own code through the callable {@code order}; the
 * same orders as {@code ledger}, which nobody may even read.
 */
public final class ShopApplication extends ResourceApplication {

    static final String ADMIN_HEADER = "X-Shop-Admin";

    /** For ServiceLoader. */
    public ShopApplication() {
        super("shop", null);
    }

    @Override
    public String migrations() {
        return "db/shop";
    }

    @Override
    protected void resources(Resources resources) {
        resources.table("customers", "shop_customer", (operation, caller) -> operation != Operation.DELETE
                        || caller.header(ADMIN_HEADER).filter("yes"::equals).isPresent())
                .table("orders", "shop_order")
                .table("ledger", "shop_order", AccessRule.NOBODY)
                .table("samples", "shop_sample", AccessRule.EVERYONE);
    }

    /**
     * Application code writing a resource: the REST rule does not apply, and the change is published.
     *
     * @param customer the customer whose order to create
     * @param amount its amount
     * @return the order
     */
    @Callable
    public Map<String, Object> order(long customer, double amount) {
        return resources().resource("orders").create(Map.of("customer_id", customer, "amount", amount));
    }
}
