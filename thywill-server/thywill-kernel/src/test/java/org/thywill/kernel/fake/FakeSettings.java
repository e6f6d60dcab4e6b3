package org.thywill.kernel.fake;

import java.time.Duration;
import java.util.List;
import org.thywill.api.SettingsException;

/**
 * The settings of every fake component: one key of each type the binder handles.
 *
 * @param size a whole number between 1 and 100; default 1
 * @param timeout a duration; default 30s
 * @param failOnStart whether {@code start()} throws; default false
 * @param failOnOpen whether the client interface's {@code open()} throws; default false
 * @param tags a list of text; default empty
 * @param someKey a camel-case text key; default empty
 */
public record FakeSettings(Integer size, Duration timeout, Boolean failOnStart, Boolean failOnOpen, List<String> tags,
                           String someKey) {

    /** Applies defaults and validates. */
    public FakeSettings {
        size = size == null ? 1 : size;
        SettingsException.require(size >= 1 && size <= 100, "size", "must be between 1 and 100, not " + size);
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        failOnStart = failOnStart != null && failOnStart;
        failOnOpen = failOnOpen != null && failOnOpen;
        tags = tags == null ? List.of() : List.copyOf(tags);
        someKey = someKey == null ? "" : someKey;
    }
}
