package org.thywill.remote.document;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.thywill.testing.TestJson;
import org.thywill.api.application.ApplicationContext;

/**
 * An application context that keeps what it is asked to send, as JSON text, for tests without a server. A proxy,
 * so that methods the library does not use need no stubs.
 */
final class FakeContext {

    final List<String> sent = new CopyOnWriteArrayList<>();
    volatile boolean connected = true;
    final ApplicationContext context = (ApplicationContext) Proxy.newProxyInstance(
            ApplicationContext.class.getClassLoader(), new Class<?>[] {ApplicationContext.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "applicationId" -> "fake";
                case "send" -> {
                    if (!connected) {
                        yield false;
                    }
                    sent.add(TestJson.write(args[1]));
                    yield true;
                }
                case "toString" -> "FakeContext";
                default -> throw new UnsupportedOperationException(method.getName());
            });

    /** @return the operations of every batch sent, parsed */
    List<Object> batches() {
        return sent.stream().map(s -> (Object) ((Map<?, ?>) TestJson.parse(s)).get("dom")).toList();
    }
}
