package dev.handfeed.cluster;

import java.util.Locale;

/** What a node does now. */
public enum NodeRole {
    /** Tails the history folder(s) and publishes their hands (the only role of a single node). */
    TAILER,
    /** Would tail the folders, but another node of its watch group does: takes over when that one is gone. */
    STANDBY,
    /** Publishes nothing ({@code WATCH=false}): serves the shared journal's events to its clients. */
    SERVING;

    /** As it is written in {@code /health}, {@code /ws/stats} and {@code /metrics}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
