package org.thywill.application.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thywill.application.loader.JarFolderScan.Change;
import org.thywill.application.loader.JarFolderScan.Kind;
import org.thywill.application.loader.JarFolderScan.Stamp;

class JarFolderScanTest {

    private static final Path A = Path.of("apps/a.jar");
    private static final Path B = Path.of("apps/b.jar");
    private final JarFolderScan scan = new JarFolderScan();

    private static Stamp stamp(long size, long modified) {
        return new Stamp(size, FileTime.fromMillis(modified));
    }

    @Test
    void aNewJarIsReportedOnlyOnceItIsUnchangedInTwoListingsInARow() {
        assertEquals(List.of(), scan.next(Map.of(A, stamp(10, 1))));
        assertEquals(List.of(new Change(Kind.ADDED, A)), scan.next(Map.of(A, stamp(10, 1))));
        assertEquals(List.of(), scan.next(Map.of(A, stamp(10, 1))), "reported once");
    }

    @Test
    void aJarStillBeingCopiedIsNotReportedUntilItStopsGrowing() {
        assertEquals(List.of(), scan.next(Map.of(A, stamp(10, 1))));
        assertEquals(List.of(), scan.next(Map.of(A, stamp(20, 2))));
        assertEquals(List.of(), scan.next(Map.of(A, stamp(30, 3))));
        assertEquals(List.of(new Change(Kind.ADDED, A)), scan.next(Map.of(A, stamp(30, 3))));
    }

    @Test
    void theJarsLoadedAtStartUpAreNotReportedButTheirChangesAre() {
        scan.baseline(Map.of(A, stamp(10, 1)));
        assertEquals(List.of(), scan.next(Map.of(A, stamp(10, 1))));
        assertEquals(List.of(), scan.next(Map.of(A, stamp(10, 5))), "a new modification time, not yet stable");
        assertEquals(List.of(new Change(Kind.REPLACED, A)), scan.next(Map.of(A, stamp(10, 5))));
        assertEquals(List.of(), scan.next(Map.of(A, stamp(10, 5))));
    }

    @Test
    void aChangedSizeAloneIsAReplacement() {
        scan.baseline(Map.of(A, stamp(10, 1)));
        scan.next(Map.of(A, stamp(11, 1)));
        assertEquals(List.of(new Change(Kind.REPLACED, A)), scan.next(Map.of(A, stamp(11, 1))));
    }

    @Test
    void aJarThatChangesBackBeforeItIsStableIsNotReported() {
        scan.baseline(Map.of(A, stamp(10, 1)));
        assertEquals(List.of(), scan.next(Map.of(A, stamp(99, 2))));
        assertEquals(List.of(), scan.next(Map.of(A, stamp(10, 1))));
        assertEquals(List.of(), scan.next(Map.of(A, stamp(10, 1))));
    }

    @Test
    void aRemovedJarIsReportedAtOnce() {
        scan.baseline(Map.of(A, stamp(10, 1)));
        assertEquals(List.of(new Change(Kind.REMOVED, A)), scan.next(Map.of()));
        assertEquals(List.of(), scan.next(Map.of()), "reported once");
    }

    @Test
    void removalsComeBeforeAdditionsSoAnIdCanMoveFromOneJarToAnother() {
        scan.baseline(Map.of(B, stamp(10, 1)));
        assertEquals(List.of(), scan.next(Map.of(A, stamp(5, 1), B, stamp(10, 1))));
        assertEquals(List.of(new Change(Kind.REMOVED, B), new Change(Kind.ADDED, A)),
                scan.next(Map.of(A, stamp(5, 1))));
    }

    @Test
    void aJarRemovedBeforeItWasStableIsForgotten() {
        assertEquals(List.of(), scan.next(Map.of(A, stamp(10, 1))));
        assertEquals(List.of(), scan.next(Map.of()), "never reported added, so not reported removed");
        assertEquals(List.of(), scan.next(Map.of(A, stamp(10, 1))), "seen anew: stable only at the next listing");
        assertEquals(List.of(new Change(Kind.ADDED, A)), scan.next(Map.of(A, stamp(10, 1))));
    }
}
