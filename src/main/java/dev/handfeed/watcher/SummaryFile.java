package dev.handfeed.watcher;

import dev.handfeed.tournaments.TournamentSummaryParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One tournament summary file as it was last read. Only a digest of the content is kept, not the content: it tells
 * a real change from the several file events one write may raise, and dates the last change for the quiet period.
 */
final class SummaryFile {

    /**
     * The file's content now.
     *
     * @param bytes   the content; null when the file is too large to be a summary (the parser reports it)
     * @param changed the content differs from the previous read (always true on the first read)
     */
    record Snapshot(byte[] bytes, boolean changed) {
    }

    private final Path file;
    private String digest;
    private long size = -1;
    private FileTime modified;
    private long changedNanos;
    private boolean awaitsQuiet;

    SummaryFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Reads the file whole; null when it is gone (Winamax replaced it: its new version raises its own event). */
    Snapshot read() throws IOException {
        byte[] bytes;
        String print;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            size = attributes.size();
            modified = attributes.lastModifiedTime();
            if (size > TournamentSummaryParser.MAX_FILE_BYTES) {
                bytes = null;
                print = "large:" + size + ":" + modified;
            } else {
                bytes = Files.readAllBytes(file);
                size = bytes.length;
                print = digest(bytes);
            }
        } catch (NoSuchFileException e) {
            return null;
        }
        boolean changed = !print.equals(digest);
        if (changed) {
            digest = print;
            changedNanos = System.nanoTime();
        }
        return new Snapshot(bytes, changed);
    }

    /** For the rescan: whether size or modification time differ from the last read, without reading the content. */
    boolean looksChanged() throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() != size || !attributes.lastModifiedTime().equals(modified);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** An entry Winamax may still be writing waits for the file to stay unchanged for the quiet period. */
    boolean awaitsQuiet() {
        return awaitsQuiet;
    }

    void awaitsQuiet(boolean value) {
        awaitsQuiet = value;
    }

    long quietNanos(long now) {
        return now - changedNanos;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
