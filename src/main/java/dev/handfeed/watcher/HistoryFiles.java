package dev.handfeed.watcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Which files the watcher follows: Winamax's {@code .txt} hand histories, and its {@code _summary.txt} tournament
 * summaries, which are not hands and are read as a whole (see {@link SummaryFollower}).
 */
final class HistoryFiles {

    private static final Logger LOG = Logger.getLogger(HistoryFiles.class.getName());

    private HistoryFiles() {
    }

    static boolean isHandFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") && !name.endsWith("_summary.txt") && !name.startsWith(".");
    }

    static boolean isSummaryFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith("_summary.txt") && !name.startsWith(".");
    }

    /** Every hand and summary file under the folder and its sub-folders, in name order; unreadable parts are logged. */
    static List<Path> list(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && (isHandFile(file) || isSummaryFile(file))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                LOG.warning(() -> "Cannot read " + file + ": " + e);
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }
}
