package dev.handfeed.live;

import dev.handfeed.auth.AccessControl;
import dev.handfeed.auth.Caller;
import dev.handfeed.auth.ConnectionCaps;
import dev.handfeed.auth.Grant;
import dev.handfeed.auth.ThrottledLog;
import dev.handfeed.auth.TokenRejected;
import dev.handfeed.wire.ErrorMessage;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.TokenRefreshed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who gets in and what each connection may do: a connection opens only with a valid token (AUTH_MODE=jwt) and
 * within the connection caps; each client frame is counted against the client's budget and handled so that no
 * exception escapes; a token is refreshed in place, and a connection whose token expires is closed with 4401.
 */
@ApplicationScoped
public class Admission {

    private static final String PERMIT = Permit.class.getName();
    private static final Logger LOG = Logger.getLogger(Admission.class.getName());

    @Inject
    AccessControl access;

    @Inject
    ClientRegistry registry;

    @Inject
    JsonCodec codec;

    private final ThrottledLog failures = new ThrottledLog(LOG, 10);

    /** Admits a new connection; a refused one gets an {@code error} and a close, and nothing else. */
    public boolean open(Session session) {
        Object found = session.getUserPrincipal() instanceof Caller caller ? caller
                : session.getUserProperties().getOrDefault(Handshake.VERDICT, new Caller("anonymous", null, null));
        if (found instanceof TokenRejected rejected) {
            return refuse(session, Disconnect.UNAUTHORIZED, rejected.getMessage());
        }
        Caller caller = (Caller) found;
        if (access.jwt() && (caller.grant() == null || access.expired(caller.grant(), Instant.now()))) {
            return refuse(session, Disconnect.UNAUTHORIZED, "A valid bearer token is required");
        }
        ConnectionCaps.Verdict verdict = access.caps().admit(caller.address());
        if (verdict != ConnectionCaps.Verdict.ADMITTED) {
            return refuse(session, Disconnect.TRY_AGAIN_LATER, verdict == ConnectionCaps.Verdict.ADDRESS_FULL
                    ? "Too many connections from your address (MAX_CONNECTIONS_PER_ADDRESS=" + access.caps().perAddress()
                    + "); try again later"
                    : "Too many connections (MAX_CONNECTIONS=" + access.caps().total() + "); try again later");
        }
        session.getUserProperties().put(PERMIT, new Permit(caller,
                new FrameBudget(access.maxFramesPerSecond(), System.nanoTime()), access.caps()::release));
        return true;
    }

    /** Handles one client frame within its budget: over it, the frame is answered with an error, or the client closed. */
    public void frame(Client client, Runnable handling) {
        Permit permit = permit(client.session());
        FrameBudget.Verdict verdict = permit == null ? FrameBudget.Verdict.ALLOWED
                : permit.budget().take(System.nanoTime());
        int rate = access.maxFramesPerSecond();
        switch (verdict) {
            case REFUSED -> registry.sendError(client, "Too many frames: at most " + rate + " a second (bursts of "
                    + 2 * rate + "); this one was not read");
            case ABUSE -> registry.closeWithError(client, Disconnect.TOO_MANY_FRAMES, "Over " + rate
                    + " frames a second for 10 s: closing (1008)", () -> closed(client.session()));
            default -> {
                try {
                    handling.run();
                } catch (RuntimeException e) {
                    // Nothing a client sends may escape as an exception: one short line, no stack trace, and an answer.
                    failures.log(Level.WARNING, () -> "A frame from client " + client.id() + " failed: " + e);
                    registry.sendError(client, "The server could not handle this frame");
                }
            }
        }
    }

    /** {@code {"type":"refresh","token":"..."}}: the new token replaces the old one, for the same subject. */
    public void refresh(Client client, String token) {
        Permit permit = permit(client.session());
        if (!access.jwt() || permit == null || permit.grant() == null) {
            registry.sendError(client, "Authentication is off on this server (AUTH_MODE=none): nothing to refresh");
            return;
        }
        try {
            Grant grant = access.verify(token);
            if (!Objects.equals(grant.subject(), permit.grant().subject())) {
                throw new TokenRejected("A refresh must carry a token for the same subject (sub)");
            }
            permit.refresh(grant);
            registry.send(client, new TokenRefreshed(grant.expiresAt(), Instant.now()));
        } catch (TokenRejected e) {
            registry.sendError(client, "Refresh refused: " + e.getMessage() + "; the current token still holds until"
                    + " it expires");
        }
    }

    /** Closes, with an error and 4401, every connection whose token has expired. */
    public void closeExpired() {
        if (!access.jwt()) {
            return;
        }
        Instant now = Instant.now();
        for (Client client : registry.clients()) {
            Permit permit = permit(client.session());
            if (permit != null && permit.grant() != null && access.expired(permit.grant(), now)) {
                registry.closeWithError(client, Disconnect.TOKEN_EXPIRED, "Token expired: connect again with a new"
                        + " token, or send {\"type\":\"refresh\",\"token\":...} before it expires",
                        () -> closed(client.session()));
            }
        }
    }

    /** The connection ended: its place under the caps is free again. */
    public void closed(Session session) {
        Optional.ofNullable(permit(session)).ifPresent(Permit::release);
    }

    private boolean refuse(Session session, Disconnect why, String message) {
        access.logRefusal(() -> "Refused WebSocket session " + session.getId() + " with " + why.code() + ": " + message);
        try {
            session.getBasicRemote().sendText(codec.toJson(new ErrorMessage(message, Instant.now())));
            session.close(why.closeReason());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Refused session " + session.getId() + " was gone before its close", e);
        }
        return false;
    }

    private static Permit permit(Session session) {
        return (Permit) session.getUserProperties().get(PERMIT);
    }
}
