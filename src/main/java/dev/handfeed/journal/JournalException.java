package dev.handfeed.journal;

/** The journal could not be read or written; the message says which database and what was being done. */
public class JournalException extends RuntimeException {
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
