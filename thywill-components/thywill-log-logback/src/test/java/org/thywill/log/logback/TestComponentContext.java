package org.thywill.log.logback;

import java.nio.file.Path;
import org.thywill.api.Bootstrap;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ServerSettings;

/** A kernel stand-in for tests: relative paths resolve against a temporary folder; nothing else is offered. */
final class TestComponentContext implements ComponentContext {

    private final Path home;

    TestComponentContext(Path home) {
        this.home = home;
    }

    @Override
    public ServerSettings server() {
        return new ServerSettings("127.0.0.1", 0);
    }

    @Override
    public Path resolve(String path) {
        return home.resolve(path).toAbsolutePath().normalize();
    }

    @Override
    public <T extends Component> T component(Class<T> type) {
        throw new IllegalStateException("the log component declares no dependencies, yet asked for " + type);
    }

    @Override
    public Bootstrap bootstrap() {
        throw new IllegalStateException("the log component has no use for the bootstrap renderer");
    }
}
