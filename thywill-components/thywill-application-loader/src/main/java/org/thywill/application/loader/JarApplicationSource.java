package org.thywill.application.loader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.ThywillException;
import org.thywill.api.application.Application;

/**
 * Loads every jar in a folder in an {@link ApplicationClassLoader} of its own and, when asked to watch, scans the
 * folder on one daemon thread ({@value #WATCH_THREAD}) for jars added, replaced and removed.
 */
final class JarApplicationSource implements ApplicationSource {

    static final String WATCH_THREAD = "thywill-apps-watch";
    private static final Logger LOG = LoggerFactory.getLogger(JarApplicationSource.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Path folder;
    private final boolean watch;
    private final Duration scanInterval;
    private final JarFolderScan scan = new JarFolderScan();
    private ScheduledExecutorService watcher;
    private boolean unreadable;

    JarApplicationSource(Path folder, boolean watch, Duration scanInterval) {
        this.folder = folder;
        this.watch = watch;
        this.scanInterval = scanInterval;
    }

    @Override
    public List<ApplicationBundle> load() {
        if (!Files.isDirectory(folder)) {
            throw new ThywillException("The applications folder " + folder + " does not exist. Create it and put"
                    + " application jars in it, or set 'application.folder' to the folder that holds them.");
        }
        Map<Path, JarFolderScan.Stamp> jars;
        try {
            jars = list();
        } catch (IOException e) {
            throw new ThywillException("The applications folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
        scan.baseline(jars);
        return jars.keySet().stream().sorted().map(this::load).toList();
    }

    @Override
    public Optional<ApplicationBundle> reload(String source) {
        Path jar = folder.resolve(source).normalize();
        return jar.getParent().equals(folder.normalize()) && Files.isRegularFile(jar) ? Optional.of(load(jar))
                : Optional.empty();
    }

    /**
     * @param jar a jar of the folder
     * @return its applications, in a class loader of its own; a file that is not a jar gives an empty, broken bundle
     */
    ApplicationBundle load(Path jar) {
        String name = jar.getFileName().toString();
        try {
            // Opened only to tell a file that is not a jar from a jar without applications: the class loader
            // would silently find nothing in either.
            new JarFile(jar.toFile()).close();
        } catch (IOException | SecurityException e) {
            LOG.error("{}: cannot be loaded: it is not a readable jar (zip) file ({}); none of its applications"
                    + " run. Replace it with the jar your build produces.", name, e.getMessage());
            return ApplicationBundle.failed(name);
        }
        ApplicationClassLoader loader = new ApplicationClassLoader(jar, Application.class.getClassLoader());
        return ServiceEntries.load(name, loader, loader, type -> type.getClassLoader() == loader);
    }

    @Override
    public synchronized void watch(BundleChanges changes) {
        if (!watch || watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, WATCH_THREAD);
            thread.setDaemon(true);
            return thread;
        });
        long every = scanInterval.toMillis();
        watcher.scheduleWithFixedDelay(() -> scanOnce(changes), every, every, TimeUnit.MILLISECONDS);
        LOG.info("Watching {} for application jars every {} ms", folder, every);
    }

    private void scanOnce(BundleChanges changes) {
        try {
            Map<Path, JarFolderScan.Stamp> listing;
            try {
                listing = list();
            } catch (IOException e) {
                if (!unreadable) {
                    LOG.warn("The applications folder {} cannot be read ({}); the applications running keep"
                            + " running, and it is scanned again every {} ms", folder, e.toString(),
                            scanInterval.toMillis());
                }
                unreadable = true;
                return;
            }
            unreadable = false;
            for (JarFolderScan.Change change : scan.next(listing)) {
                Path jar = change.jar();
                String name = jar.getFileName().toString();
                switch (change.kind()) {
                    case ADDED -> changes.added(name, () -> load(jar));
                    case REPLACED -> changes.replaced(name, () -> load(jar));
                    case REMOVED -> changes.removed(name);
                    default -> throw new IllegalStateException(change.kind().name());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // A failure must not end the scheduled task: later scans would silently stop.
            LOG.error("Scanning {} for application jars failed; trying again in {} ms", folder,
                    scanInterval.toMillis(), e);
        }
    }

    private Map<Path, JarFolderScan.Stamp> list() throws IOException {
        Map<Path, JarFolderScan.Stamp> jars = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path file : files) {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        jars.put(file, new JarFolderScan.Stamp(attributes.size(), attributes.lastModifiedTime()));
                    }
                } catch (NoSuchFileException e) {
                    // removed between the listing and the look: the next scan sees it gone
                }
            }
        }
        return jars;
    }

    @Override
    public void close() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = watcher;
            watcher = null;
        }
        if (stopping == null) {
            return;
        }
        // No interrupt: a deployment under way (an application's start, its migrations) finishes cleanly.
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The {} thread did not finish its deployment within {} s; interrupting it", WATCH_THREAD,
                        STOP_WAIT.toSeconds());
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
