package dev.handfeed.wire;

/**
 * A message that is news about the player's play: numbered by the journal, stored, and replayable by its
 * {@code event_id}. Acks, heartbeats, errors and replay markers are not events. A {@link TournamentResult} is
 * always about a tournament; a {@link NewHand} is when its {@code tournament} is set.
 */
public sealed interface Event extends WireMessage permits NewHand, TournamentResult {

    long eventId();
}
