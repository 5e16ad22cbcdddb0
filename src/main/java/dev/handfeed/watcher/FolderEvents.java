package dev.handfeed.watcher;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * File-system events for a set of folder trees (inotify on Linux). Every sub-folder is registered, also those
 * created later; an {@code OVERFLOW} is reported so the caller rescans, since events were lost.
 */
final class FolderEvents implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FolderEvents.class.getName());

    /** What happened since the last poll. */
    record Changes(Set<Path> files, Set<Path> newFolders, boolean overflow, boolean folderLost) {
        boolean isEmpty() {
            return files.isEmpty() && newFolders.isEmpty() && !overflow && !folderLost;
        }
    }

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();

    FolderEvents(FileSystem fileSystem) throws IOException {
        this.service = fileSystem.newWatchService();
    }

    /** Watches the folder and every folder below it; returns the folders newly registered. */
    Set<Path> watchTree(Path root) throws IOException {
        Set<Path> added = new LinkedHashSet<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!folders.containsValue(dir)) {
                    folders.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY), dir);
                    added.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                LOG.warning(() -> "Cannot watch " + file + ": " + e);
                return FileVisitResult.CONTINUE;
            }
        });
        return added;
    }

    /** Waits up to {@code timeoutMillis} for events, then collects every event already queued. */
    Changes poll(long timeoutMillis) throws InterruptedException, IOException {
        Set<Path> files = new LinkedHashSet<>();
        Set<Path> newFolders = new LinkedHashSet<>();
        boolean overflow = false;
        boolean lost = false;
        WatchKey key;
        try {
            key = service.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            while (key != null) {
                Path dir = folders.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        overflow = true;
                    } else if (dir != null) {
                        Path child = dir.resolve((Path) event.context());
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                            // Files may land in the new folder before it is registered: the caller scans it.
                            newFolders.addAll(watchTree(child));
                        } else {
                            files.add(child);
                        }
                    }
                }
                if (!key.reset()) {
                    folders.remove(key);
                    lost = true;
                }
                key = service.poll();
            }
        } catch (ClosedWatchServiceException e) {
            throw new InterruptedException("watch service closed");
        }
        return new Changes(files, newFolders, overflow, lost);
    }

    int watchedFolders() {
        return folders.size();
    }

    /** Forgets the registrations of folders that no longer exist, so that they can be registered again. */
    void dropMissing() {
        folders.entrySet().removeIf(e -> {
            boolean gone = !Files.isDirectory(e.getValue());
            if (gone) {
                e.getKey().cancel();
            }
            return gone;
        });
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
