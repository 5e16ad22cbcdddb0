/**
 * The server's own memory in HANDFEED_DATA_DIR: an embedded H2 database with each history file's offset and every
 * hand and tournament summary entry seen, numbered by event id, so that a restart (even a kill -9) neither loses
 * nor repeats one.
 */
package dev.handfeed.journal;
