package dev.handfeed.auth;

import dev.handfeed.testing.FeedClient;
import dev.handfeed.testing.FeedClient.Received;
import dev.handfeed.testing.SecuredServer;
import dev.handfeed.testing.SecuredServerExtension;
import dev.handfeed.testing.TokenMint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A token that expires during a connection, and one replaced in place before it does. */
@ExtendWith(SecuredServerExtension.class)
class SessionTokenIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SecuredServer server;

    SessionTokenIT(SecuredServer server) {
        this.server = server;
    }

    @Test
    void anExpiredTokenEndsTheConnectionWithAnErrorAnd4401() throws Exception {
        var claims = TokenMint.claims("bob", 2).build();
        String token = server.mint().hs256(claims);
        Instant expires = claims.getExpirationTime().toInstant().truncatedTo(ChronoUnit.SECONDS); // as JWT carries it
        try (FeedClient client = FeedClient.connect(server.http(), FeedClient.wsUri(server.base(), "expiring"),
                SecuredServer.bearer(token), List.of())) {
            client.next("connection_ack", WAIT);
            Received error = client.next("error", WAIT.plusSeconds(SecuredServer.CLOCK_SKEW_SECONDS));
            assertTrue(error.json().getString("message").startsWith("Token expired"), error.text());
            assertFalse(error.at().isBefore(expires.plusSeconds(SecuredServer.CLOCK_SKEW_SECONDS)),
                    "closed at " + error.at() + ", before the expiry plus the skew allowed");
            assertEquals(4401, client.closeCode().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void aRefreshReplacesTheTokenAndTheConnectionOutlivesTheFirstOne() throws Exception {
        var claims = TokenMint.claims("carol", 2).build();
        String first = server.mint().hs256(claims);
        Instant firstExpires = claims.getExpirationTime().toInstant();
        try (FeedClient client = FeedClient.connect(server.http(), FeedClient.wsUri(server.base(), "refreshing"),
                SecuredServer.bearer(first), List.of())) {
            client.next("connection_ack", WAIT);
            String second = server.mint().es256(TokenMint.claims("carol", 120).build());
            client.send("{\"type\":\"refresh\",\"token\":\"" + second + "\"}");
            Received refreshed = client.next("token_refreshed", WAIT);
            Instant expiresAt = Instant.parse(refreshed.json().getString("expires_at"));
            assertTrue(expiresAt.isAfter(Instant.now().plusSeconds(100)), refreshed.text());
            // Heartbeats keep coming well after the first token's end (plus the skew): the connection stays.
            Instant past = firstExpires.plusSeconds(SecuredServer.CLOCK_SKEW_SECONDS + 3);
            client.next(r -> r.type().equals("heartbeat") && r.at().isAfter(past), WAIT.plusSeconds(5),
                    "no heartbeat after the first token expired");
            assertFalse(client.closeCode().isDone());
            assertTrue(client.drain().stream().noneMatch(r -> r.type().equals("error")));
        }
    }

    @Test
    void aBadRefreshIsAnsweredAndTheCurrentTokenStays() throws Exception {
        try (FeedClient client = server.connect("dave")) {
            client.next("connection_ack", WAIT);
            client.send("{\"type\":\"refresh\",\"token\":\"" + TokenMint.unsigned(TokenMint.claims("dave", 60).build())
                    + "\"}");
            assertEquals("Refresh refused: Unsigned tokens (alg none) are refused; the current token still holds"
                    + " until it expires", client.next("error", WAIT).json().getString("message"));
            client.send("{\"type\":\"refresh\",\"token\":\"" + server.token("mallory", 60) + "\"}");
            assertEquals("Refresh refused: A refresh must carry a token for the same subject (sub); the current token"
                    + " still holds until it expires", client.next("error", WAIT).json().getString("message"));
            client.send("{\"type\":\"refresh\"}");
            assertEquals("Field 'token' must be a string in a refresh: the new bearer token",
                    client.next("error", WAIT).json().getString("message"));
            client.send("{\"type\":\"ping\"}");
            client.next("pong", WAIT);
            assertFalse(client.closeCode().isDone());
        }
    }
}
