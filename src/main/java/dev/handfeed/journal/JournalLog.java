package dev.handfeed.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded journal's log, {@code handfeed.wal}: records appended with one {@code write} each, never forced to
 * the disk. A process killed after the write returned leaves the record in the operating system's cache, which
 * writes it out in its own time: that is what surviving a {@code kill -9} needs, at a few microseconds instead of
 * the database's commit; a power cut is beyond what it promises. A record cut short by the kill, or damaged,
 * fails its length or CRC and ends what is read back. Plain {@link RandomAccessFile} rather than a
 * {@code FileChannel}: an interrupted thread (the container interrupts its threads as it stops) closes a channel
 * under its other users, and a stream's write is not interruptible.
 */
final class JournalLog implements AutoCloseable {

    private final Path path;
    private final RandomAccessFile file;
    private long end;

    private JournalLog(Path path, RandomAccessFile file) throws IOException {
        this.path = path;
        this.file = file;
        this.end = file.length();
    }

    static JournalLog open(Path path) throws IOException {
        return new JournalLog(path, new RandomAccessFile(path.toFile(), "rw"));
    }

    Path path() {
        return path;
    }

    /** What the log holds: the whole records, and how many bytes after them were cut short or damaged. */
    record Contents(List<LoggedCommit> commits, long unreadable) {
    }

    /** Reads every whole record from the start; the first one cut short or damaged ends the reading. */
    Contents read() throws IOException {
        List<LoggedCommit> commits = new ArrayList<>();
        byte[] header = new byte[LoggedCommit.HEADER];
        long at = 0;
        while (end - at >= LoggedCommit.HEADER) {
            file.seek(at);
            file.readFully(header);
            ByteBuffer fields = ByteBuffer.wrap(header);
            int length = fields.getInt(0);
            if (length <= 0 || length > end - at - LoggedCommit.HEADER) {
                break;
            }
            byte[] body = new byte[length];
            file.readFully(body);
            if (!LoggedCommit.intact(body, fields.getInt(4))) {
                break;
            }
            commits.add(LoggedCommit.decode(body));
            at += LoggedCommit.HEADER + length;
        }
        return new Contents(commits, end - at);
    }

    /** Appends one record; when this returns, a killed process no longer loses it. */
    void append(LoggedCommit commit) throws IOException {
        byte[] record = commit.encode();
        file.seek(end);
        file.write(record);
        end += record.length;
    }

    long size() {
        return end;
    }

    /** Empties the log: only once everything in it is in the database. */
    void clear() throws IOException {
        file.setLength(0);
        end = 0;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
