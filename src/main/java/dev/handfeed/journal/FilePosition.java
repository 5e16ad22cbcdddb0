package dev.handfeed.journal;

/**
 * How far a history file has been read: everything before {@code offset} is done (hands delivered or skipped).
 *
 * @param fileKey     the file system's identity of the file (inode), or null where the system has none
 * @param fingerprint a digest of the file's first bytes, to notice a file replaced by another of the same name
 * @param offset      the byte offset to resume from
 * @param line        the line number at {@code offset}, for error messages
 */
public record FilePosition(String fileKey, String fingerprint, long offset, long line) {
    public static final FilePosition START = new FilePosition(null, null, 0, 1);
}
