package dev.handfeed.journal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One read's hands and its file's new offset, as the journal's log keeps them until they are in the database:
 * what {@link Journal#commit} records. {@code seq} orders the log's records; the database remembers the newest it
 * holds, so a record is written into it once. {@code streamId} names the journal it belongs to: a log left beside
 * a database that was deleted and made anew is not poured into the new one.
 */
record LoggedCommit(String streamId, long seq, String file, FilePosition position, List<JournalEntry> entries) {

    /** Bytes ahead of every record's body: its length and its CRC-32C. */
    static final int HEADER = 8;

    LoggedCommit {
        entries = List.copyOf(entries);
    }

    /** The newest event id among the entries, 0 when none is news. */
    long newestEventId() {
        long newest = 0;
        for (JournalEntry e : entries) {
            if (e.eventId() != null) {
                newest = Math.max(newest, e.eventId());
            }
        }
        return newest;
    }

    /** The record as the log holds it: header, then body. */
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 64 * entries.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0); // room for the header, filled in below
            out.writeInt(0);
            writeText(out, streamId);
            out.writeLong(seq);
            writeText(out, file);
            writeText(out, position.fileKey());
            writeText(out, position.fingerprint());
            out.writeLong(position.offset());
            out.writeLong(position.line());
            out.writeInt(entries.size());
            for (JournalEntry e : entries) {
                writeText(out, e.handId());
                out.writeLong(e.eventId() == null ? -1 : e.eventId());
                writeText(out, e.file());
                out.writeLong(e.detectedAt().getEpochSecond());
                out.writeInt(e.detectedAt().getNano());
                writeText(out, e.type());
                writeText(out, e.payload());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        byte[] record = bytes.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(record, HEADER, record.length - HEADER);
        ByteBuffer.wrap(record).putInt(0, record.length - HEADER).putInt(4, (int) crc.getValue());
        return record;
    }

    /** Whether {@code body} is what a header with this CRC-32C was written for. */
    static boolean intact(byte[] body, int crc) {
        CRC32C check = new CRC32C();
        check.update(body);
        return (int) check.getValue() == crc;
    }

    /** A record's body, checked against its CRC by the caller. */
    static LoggedCommit decode(byte[] body) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            String streamId = readText(in);
            long seq = in.readLong();
            String file = readText(in);
            FilePosition position = new FilePosition(readText(in), readText(in), in.readLong(), in.readLong());
            int count = in.readInt();
            List<JournalEntry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String handId = readText(in);
                long eventId = in.readLong();
                String entryFile = readText(in);
                Instant detectedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
                entries.add(new JournalEntry(handId, eventId < 0 ? null : eventId, entryFile, detectedAt,
                        readText(in), readText(in)));
            }
            return new LoggedCommit(streamId, seq, file, position, entries);
        }
    }

    /** Length-prefixed UTF-8, -1 for null: {@code writeUTF} stops at 64 KB, a hand's JSON need not. */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
