package dev.handfeed.live;

/**
 * A client asked to resume (query string or {@code resume} frame), once for its connection. Observed by the replay,
 * so that the live feed does not depend on it. When the client resumed on connecting, it holds its live messages
 * already; the observer must end with {@link Client#endReplay}.
 */
public record ResumeRequested(Client client, ResumePoint point) {
}
