/**
 * Resuming from the journal: a client that says which event it saw last gets every stored event after it, in
 * order, then {@code replay_complete}, then the live feed, with nothing missing or repeated at the hand-off; or a
 * {@code replay_gap} first when the journal cannot give it all. Also {@code GET /events}, the same store over HTTP,
 * and the retention that keeps the store bounded.
 */
package dev.handfeed.replay;
