package org.thywill.application.loader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.security.CodeSource;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.thywill.api.application.ClientSide;

/**
 * Finds an application's browser files, so that {@code /thywill/app/{id}/} reaches nothing else of the class path:
 * only files under the folder its {@link ClientSide} declares (none when it declares none), any of them from the
 * application's own jar (or classes folder), and one from elsewhere on the class path, such as a library's runtime
 * script, only when the {@link ClientSide} names it.
 */
final class ClientFiles {

    private final ClassLoader loader;
    /** The folder with a trailing slash, or null for none. */
    private final String folder;
    private final Set<String> named = new HashSet<>();
    /** How the URL of a file of the application's own jar or folder begins; empty when unknown. */
    private final Set<String> own;

    /**
     * @param client what the application declared
     * @param type the application's class, whose jar or folder is its own
     * @param loader its class loader
     */
    ClientFiles(ClientSide client, Class<?> type, ClassLoader loader) {
        this.loader = loader;
        String declared = client.folder().replaceAll("^/+|/+$", "");
        this.folder = declared.isEmpty() ? null : declared + "/";
        if (client.body() != null) {
            named.add(client.body());
        }
        named.addAll(client.scripts());
        named.addAll(client.styles());
        this.own = ownLocation(type);
    }

    private static Set<String> ownLocation(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return Set.of();
        }
        String location = code.getLocation().toExternalForm();
        // A jar's entries are jar:file:/x.jar!/name; a folder's are file:/x/name.
        return location.endsWith("/") ? Set.of(location) : Set.of("jar:" + location + "!/");
    }

    /**
     * @param name a file's path relative to the folder, already checked to hold no {@code ..} segment
     * @return its content, or empty when it is not one of the application's browser files
     */
    Optional<byte[]> read(String name) {
        if (folder == null) {
            return Optional.empty();
        }
        String path = folder + name;
        try {
            URL found = null;
            for (URL url : Collections.list(loader.getResources(path))) {
                if (own.stream().anyMatch(url.toExternalForm()::startsWith)) {
                    found = url;
                    break;
                }
            }
            if (found == null && named.contains(name)) {
                found = loader.getResource(path);
            }
            return found == null ? Optional.empty() : Optional.of(readAll(found));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] readAll(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        // The JDK's cache of opened jars is keyed by file: a replaced jar would be read through the old one.
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
