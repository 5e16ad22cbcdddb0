package dev.handfeed.watcher;

import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import dev.handfeed.hands.HandReader;
import dev.handfeed.journal.FilePosition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Follows one history file: reads only the bytes appended since the last read and feeds them to its
 * {@link HandReader}. A file that shrank, changed identity or changed its first bytes was truncated or replaced:
 * it is read again from the start (the journal's hand ids keep hands already sent from going out twice).
 * The file is opened only for the time of a read, so Winamax can always rename or delete it.
 */
final class FileTail {

    private static final int FINGERPRINT_BYTES = 64;

    private final Path file;
    private final HandParser parser;
    private HandReader reader;
    private String fileKey;
    private String fingerprint;
    /** The bytes {@code fingerprint} was taken of, once seen in this run: checked again without hashing them. */
    private byte[] head;
    private long readPosition;
    private long lastGrowthNanos;
    private FilePosition committed;
    private long flushedGrowthNanos;

    FileTail(Path file, HandParser parser, FilePosition resumeAt) {
        this.file = file;
        this.parser = parser;
        this.fileKey = resumeAt.fileKey();
        this.fingerprint = resumeAt.fingerprint();
        this.reader = new HandReader(file.toString(), parser, resumeAt.offset(), resumeAt.line());
        this.readPosition = resumeAt.offset();
        this.committed = resumeAt;
    }

    Path file() {
        return file;
    }

    /** What was appended since the last call, as reader events; {@code restarted} when the file was rewritten. */
    record Read(List<HandEvent> events, boolean restarted) {
    }

    /** Reads through {@code buffer}, which the caller shares between files: thousands of files, one buffer. */
    Read read(ByteBuffer buffer) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new Read(List.of(), false);
        }
        String key = attributes.fileKey() == null ? null : attributes.fileKey().toString();
        List<HandEvent> events = new ArrayList<>();
        boolean restarted = false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < readPosition || changed(fileKey, key) || !sameStart(channel, size)) {
                restart();
                restarted = true;
            }
            fileKey = key;
            if (fingerprint == null || (printedBytes(fingerprint) < FINGERPRINT_BYTES && size > printedBytes(fingerprint))) {
                head = head(channel, (int) Math.min(size, FINGERPRINT_BYTES));
                fingerprint = print(head);
            }
            while (readPosition < size) {
                buffer.clear();
                int n = channel.read(buffer, readPosition);
                if (n <= 0) {
                    break;
                }
                events.addAll(reader.feed(buffer.array(), 0, n));
                readPosition += n;
                lastGrowthNanos = System.nanoTime();
            }
        }
        return new Read(events, restarted);
    }

    /** Emits a complete last hand that no blank line followed (see {@link HandReader#flush()}). */
    List<HandEvent> flush() {
        flushedGrowthNanos = lastGrowthNanos;
        return reader.flush();
    }

    /** Bytes read but not part of a finished hand, and not flushed since they arrived. */
    boolean awaitsFlush() {
        return readPosition > reader.offset() && flushedGrowthNanos != lastGrowthNanos;
    }

    long quietNanos(long now) {
        return now - lastGrowthNanos;
    }

    /** Where to resume after a restart: the end of the last finished hand, not the end of what was read. */
    FilePosition position() {
        return new FilePosition(fileKey, fingerprint, reader.offset(), reader.line());
    }

    /** The position last written to the journal; a read that finished no hand need not be written again. */
    FilePosition committed() {
        return committed;
    }

    void committed(FilePosition position) {
        committed = position;
    }

    /** Bytes read so far: the size the file had at the last read. */
    long readPosition() {
        return readPosition;
    }

    private void restart() {
        reader = new HandReader(file.toString(), parser);
        readPosition = 0;
        fingerprint = null;
        head = null;
    }

    private static boolean changed(String known, String now) {
        return known != null && now != null && !known.equals(now);
    }

    /**
     * Whether the file still starts with the bytes it started with when its print was taken. Every read asks, so
     * after the first time it compares bytes rather than hashing them again.
     */
    private boolean sameStart(FileChannel channel, long size) throws IOException {
        if (fingerprint == null) {
            return true;
        }
        int n = printedBytes(fingerprint);
        if (size < n) {
            return false;
        }
        byte[] now = head(channel, n);
        if (head != null) {
            return Arrays.equals(head, now);
        }
        if (!fingerprint.equals(print(now))) {
            return false;
        }
        head = now;
        return true;
    }

    private static int printedBytes(String print) {
        return Integer.parseInt(print.substring(0, print.indexOf(':')));
    }

    private static byte[] head(FileChannel channel, int n) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(n);
        while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
            // a short read just means: read on
        }
        return head.array();
    }

    /** "n:digest" of the first n bytes: identifies the file's content start in the journal without a copy of it. */
    private static String print(byte[] head) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(head);
            return head.length + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
