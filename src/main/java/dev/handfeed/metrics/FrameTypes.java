package dev.handfeed.metrics;

import java.util.List;

/**
 * The {@code type} of a frame the server writes, read from its first bytes: every message starts with
 * {@code {"type":"...",} (the contract puts {@code type} first), so counting by type needs no parsing and no
 * change to what is sent. The names are the closed set of the contract's messages; anything else is "other".
 */
public final class FrameTypes {

    /** The label values, most frequent first: the lookup stops at the first match. */
    public static final List<String> NAMES = List.of("new_hand", "heartbeat", "pong", "connection_ack", "error",
            "replay_gap", "replay_complete", "tournament_result", "subscribed", "token_refreshed", "other");
    private static final String PREFIX = "{\"type\":\"";
    private static final int OTHER = NAMES.size() - 1;

    private FrameTypes() {
    }

    /** The index in {@link #NAMES} of the frame's type. */
    public static int index(String frame) {
        if (!frame.startsWith(PREFIX)) {
            return OTHER;
        }
        int start = PREFIX.length();
        for (int i = 0; i < OTHER; i++) {
            String name = NAMES.get(i);
            int end = start + name.length();
            if (frame.length() > end && frame.charAt(end) == '"' && frame.startsWith(name, start)) {
                return i;
            }
        }
        return OTHER;
    }
}
