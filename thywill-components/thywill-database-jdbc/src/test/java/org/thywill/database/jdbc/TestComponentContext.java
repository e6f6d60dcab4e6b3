package org.thywill.database.jdbc;

import java.nio.file.Path;
import org.thywill.api.Bootstrap;
import org.thywill.api.Component;
import org.thywill.api.ComponentContext;
import org.thywill.api.ServerSettings;

/** The least a database provider needs from the kernel: a home folder to resolve paths against. */
final class TestComponentContext implements ComponentContext {

    private final Path home;

    /** @param home the folder relative paths are taken from */
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
        throw new IllegalStateException("The database declares no component dependencies it looks up: " + type);
    }

    @Override
    public Bootstrap bootstrap() {
        throw new IllegalStateException("The database does not render bootstrap pages");
    }
}
