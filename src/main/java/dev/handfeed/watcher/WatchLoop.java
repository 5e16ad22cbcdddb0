package dev.handfeed.watcher;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The watcher's thread: waits for file events, hands them to the tailer, and every rescan interval looks at the
 * folders again (the safety net where events are unreliable, and how a missing folder is noticed when it appears).
 */
final class WatchLoop {

    private static final Logger LOG = Logger.getLogger(WatchLoop.class.getName());
    /**
     * The longest wait for file events: the stop flag is read between waits, and the watcher's stop waits 3 s for
     * the loop before it interrupts it. An interrupted thread cannot empty the journal's log as the journal closes
     * (the file channel refuses it), so the loop must see the flag first.
     */
    private static final long STOP_CHECK_MILLIS = 1_000;

    private final Supplier<HistoryFolders.Resolution> folders;
    private final HistoryTailer tailer;
    private final WatcherStatus status;
    private final Duration rescanInterval;
    private final FileSystem fileSystem;
    private final Set<Path> attached = new HashSet<>();
    private String lastLogged = "";
    private boolean starting = true;

    WatchLoop(Supplier<HistoryFolders.Resolution> folders, HistoryTailer tailer, WatcherStatus status,
              Duration rescanInterval, FileSystem fileSystem) {
        this.folders = folders;
        this.tailer = tailer;
        this.status = status;
        this.rescanInterval = rescanInterval;
        this.fileSystem = fileSystem;
    }

    void run(BooleanSupplier stopping) throws IOException, InterruptedException {
        run(stopping, () -> { });
    }

    /**
     * Watches until {@code stopping}; {@code ready} runs once, after the first scan: only then is a hand appended
     * sure to be news rather than history of a first start.
     */
    void run(BooleanSupplier stopping, Runnable ready) throws IOException, InterruptedException {
        try (FolderEvents events = new FolderEvents(fileSystem)) {
            long nextRescan = System.nanoTime();
            boolean scanned = false;
            while (!stopping.getAsBoolean()) {
                if (System.nanoTime() - nextRescan >= 0) {
                    refresh(events);
                    nextRescan = System.nanoTime() + rescanInterval.toNanos();
                    if (!scanned) {
                        scanned = true;
                        ready.run();
                    }
                }
                long untilRescan = Math.max(1, (nextRescan - System.nanoTime()) / 1_000_000);
                long wait = Math.min(Math.min(untilRescan, STOP_CHECK_MILLIS), tailer.flushQuiet());
                FolderEvents.Changes changes = events.poll(wait);
                long seen = System.nanoTime(); // where a hand's delivery latency starts
                for (Path folder : changes.newFolders()) {
                    for (Path file : HistoryFiles.list(folder)) {
                        tailer.changed(file, seen);
                    }
                }
                for (Path file : changes.files()) {
                    tailer.changed(file, seen);
                }
                if (changes.overflow()) {
                    LOG.warning("File events were lost (overflow); rescanning every watched folder");
                    for (Path root : attached) {
                        tailer.rescan(root);
                    }
                }
                if (changes.folderLost()) {
                    nextRescan = System.nanoTime();
                }
                tailer.flushQuiet();
            }
        }
    }

    private void report(String key, String problem) {
        if (status.problem(key, problem)) {
            LOG.warning(() -> "Cannot watch: " + problem + "; checking again every " + rescanInterval.toMillis() + " ms");
        }
    }

    private void refresh(FolderEvents events) throws IOException {
        HistoryFolders.Resolution resolution = folders.get();
        events.dropMissing();
        for (Path root : resolution.roots()) {
            String key = "folder " + root;
            if (!Files.isDirectory(root) && resolution.create()) {
                Files.createDirectories(root);
                LOG.info(() -> "Created the history folder " + root);
            }
            if (!Files.isDirectory(root)) {
                report(key, "history folder " + root + " does not exist (" + resolution.origin() + ")");
                attached.remove(root);
                continue;
            }
            if (!Files.isReadable(root)) {
                report(key, "history folder " + root + " is not readable");
                attached.remove(root);
                continue;
            }
            if (status.solved(key)) {
                LOG.info(() -> "History folder " + root + " is available again");
            }
            events.watchTree(root);
            if (attached.add(root)) {
                tailer.attach(root, starting);
            } else {
                tailer.rescan(root);
            }
        }
        starting = false;
        status.watching(resolution.roots().stream().map(Path::toString).toList());
        String summary = resolution.origin() + ": " + resolution.roots();
        if (!summary.equals(lastLogged)) {
            lastLogged = summary;
            LOG.info(() -> "Watching " + summary + " (" + events.watchedFolders() + " folder(s) with sub-folders)");
        }
    }
}
