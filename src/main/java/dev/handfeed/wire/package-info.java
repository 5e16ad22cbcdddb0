/**
 * The wire contract: one record per message the server sends, and the single JSON-B codec that writes them.
 * Field names, types and timestamp format here are what every client relies on (see docs/protocol.md).
 */
package dev.handfeed.wire;
