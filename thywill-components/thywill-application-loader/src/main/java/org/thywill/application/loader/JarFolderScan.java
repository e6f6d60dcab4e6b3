package org.thywill.application.loader;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decides, from successive listings of the applications folder, which jars were added, replaced or removed. A new
 * or changed jar counts only once its size and modification time are the same in two listings in a row, so a jar
 * still being copied is not loaded half-written; a removal counts at once. Used by one thread at a time.
 */
final class JarFolderScan {

    /** What happened to a jar. */
    enum Kind {
        /** A jar that was not there is there, and stable. */
        ADDED,
        /** A jar's size or modification time changed, and is stable again. */
        REPLACED,
        /** A jar is gone. */
        REMOVED
    }

    /**
     * @param kind what happened
     * @param jar the jar
     */
    record Change(Kind kind, Path jar) {
    }

    /**
     * What tells one version of a jar from another.
     *
     * @param size the file's size in bytes
     * @param modified its modification time
     */
    record Stamp(long size, FileTime modified) {
        /** Validates. */
        Stamp {
            Objects.requireNonNull(modified, "modified");
        }
    }

    private final Map<Path, Stamp> known = new HashMap<>();
    private final Map<Path, Stamp> pending = new HashMap<>();

    /**
     * Takes the jars loaded at start-up as known, so they are not reported as added.
     *
     * @param loaded the listing the start-up load used
     */
    void baseline(Map<Path, Stamp> loaded) {
        known.clear();
        known.putAll(loaded);
        pending.clear();
    }

    /**
     * @param listing the jars in the folder now, with their stamps
     * @return the changes since the last listing: removals first, then additions and replacements, each by name
     */
    List<Change> next(Map<Path, Stamp> listing) {
        List<Change> changes = new ArrayList<>();
        for (Path jar : new TreeMap<>(known).keySet()) {
            if (!listing.containsKey(jar)) {
                known.remove(jar);
                changes.add(new Change(Kind.REMOVED, jar));
            }
        }
        pending.keySet().retainAll(listing.keySet());
        for (Map.Entry<Path, Stamp> entry : new TreeMap<>(listing).entrySet()) {
            Path jar = entry.getKey();
            Stamp now = entry.getValue();
            Stamp before = known.get(jar);
            if (now.equals(before)) {
                pending.remove(jar);
            } else if (now.equals(pending.get(jar))) {
                pending.remove(jar);
                known.put(jar, now);
                changes.add(new Change(before == null ? Kind.ADDED : Kind.REPLACED, jar));
            } else {
                pending.put(jar, now);
            }
        }
        return changes;
    }
}
