package org.thywill.distribution;

import java.nio.file.Path;

/** Where the browser tests leave their pictures: target/screenshots, so a person can look at what was tested. */
final class Screenshots {

    private Screenshots() {
    }

    /**
     * @param name a file name such as {@code echo.png}
     * @return its path in the screenshots folder
     */
    static Path file(String name) {
        return Path.of(System.getProperty("thywill.screenshots", "target/screenshots")).resolve(name);
    }
}
