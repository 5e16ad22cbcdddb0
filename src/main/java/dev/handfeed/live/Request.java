package dev.handfeed.live;

/** What a client asked for in a text frame. */
public sealed interface Request permits Request.Ping, Request.Resume, Request.Subscribe, Request.Invalid,
        Request.Refresh {

    /** {@code {"type":"ping"}}: answered with a {@code pong}. */
    record Ping() implements Request {
    }

    /** {@code {"type":"resume",...}}: replay what the client missed, then live. */
    record Resume(ResumePoint point) implements Request {
    }

    /** {@code {"type":"subscribe","filters":{...}}}: these filters from now on. */
    record Subscribe(dev.handfeed.filters.Filters filters) implements Request {
    }

    /** {@code {"type":"refresh","token":"..."}}: the connection's token, replaced in place (AUTH_MODE=jwt). */
    record Refresh(String token) implements Request {
        @Override
        public String toString() {
            return "Refresh[token=(not shown)]"; // a token never reaches a log, not even by accident
        }
    }

    /** Anything else: answered with an {@code error} carrying this message. */
    record Invalid(String message) implements Request {
    }
}
