package dev.handfeed.cluster;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The node in {@code /health}: its id, its role, and how far its clients are behind the journal ({@code lag}: the
 * newest event id in the database minus the newest this node delivered; always 0 on a single node).
 */
@JsonbPropertyOrder({"id", "role", "lag", "deliveredEventId", "newestEventId", "sharedJournal"})
public record NodeView(String id, String role, long lag, long deliveredEventId, long newestEventId,
                       boolean sharedJournal) {
}
