/**
 * The server's own memory in HANDFEED_DATA_DIR: an embedded H2 database with each history file's offset and every
 * hand and tournament summary entry seen, numbered by event id, so that a restart (even a kill -9) neither loses
 * nor repeats one. A read is recorded in the log {@code handfeed.wal} before its hands are sent, and written into
 * the database just after. A print of every hand id it holds, kept in memory, tells a new hand from one seen before
 * without a query.
 */
package dev.handfeed.journal;
