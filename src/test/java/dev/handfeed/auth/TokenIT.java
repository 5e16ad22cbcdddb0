package dev.handfeed.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.handfeed.testing.FeedClient;
import dev.handfeed.testing.RawWebSocket;
import dev.handfeed.testing.SecuredServer;
import dev.handfeed.testing.SecuredServerExtension;
import dev.handfeed.testing.TokenMint;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of token, on each of the three ways a WebSocket client can present it, against the real server. */
@ExtendWith(SecuredServerExtension.class)
class TokenIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SecuredServer server;
    private final TokenMint mint;

    TokenIT(SecuredServer server) {
        this.server = server;
        this.mint = server.mint();
    }

    /** How a client presents its token in the handshake. */
    enum Transport { HEADER, SUBPROTOCOL, QUERY }

    @Test
    void validTokensOfEachKeyAreAcceptedOnEachTransport() throws Exception {
        Map<String, String> tokens = Map.of("HS256", mint.hs256(claims().build()), "RS256", mint.rs256(claims().build()),
                "ES256", mint.es256(claims().build()), "RS256-with-kid",
                mint.rs256WithKeyId(claims().build(), "idp-key-1"));
        for (Transport transport : Transport.values()) {
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                try (FeedClient client = connect(transport, token.getValue(), "valid-" + token.getKey())) {
                    assertEquals("connection_ack", client.next(WAIT).type(), transport + " " + token.getKey());
                    assertEquals(transport == Transport.SUBPROTOCOL ? "handfeed" : "", client.subprotocol());
                }
            }
        }
    }

    @Test
    void badTokensAreRefusedWith401BeforeTheUpgradeOnEachTransport() throws Exception {
        Instant now = Instant.now();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(mint.hs256(claims().expirationTime(Date.from(now.minusSeconds(300)))
                .notBeforeTime(Date.from(now.minusSeconds(900))).build()), "Token expired");
        cases.put(mint.hs256(claims().notBeforeTime(Date.from(now.plusSeconds(300))).build()),
                "Token not valid yet (nbf)");
        cases.put(mint.rs256(claims().audience("another-service").build()),
                "Token not meant for this server: its aud is not " + TokenMint.AUDIENCE);
        cases.put(mint.es256(claims().issuer("https://elsewhere.test").build()),
                "Token from another issuer: its iss is not " + TokenMint.ISSUER);
        cases.put(mint.hs256(claims().expirationTime(null).build()), "Token without exp: an expiry is required");
        cases.put(TokenMint.unsigned(claims().build()), "Unsigned tokens (alg none) are refused");
        cases.put(mint.rs256ByStranger(claims().build()), "Invalid signature");
        cases.put(mint.hs256WithPublicRsaKey(claims().build()), "Invalid signature");
        cases.put("not-a-token", "Malformed token: not a signed JWT");
        for (Transport transport : Transport.values()) {
            for (Map.Entry<String, String> bad : cases.entrySet()) {
                RawWebSocket.Refused refused = assertThrows(RawWebSocket.Refused.class,
                        () -> raw(transport, bad.getKey()).close(), transport + ": " + bad.getValue());
                assertEquals(401, refused.status(), transport + ": " + bad.getValue());
                assertEquals(bad.getValue(), error(refused.body()), transport.toString());
                assertEquals("Bearer realm=\"handfeed\", error=\"invalid_token\"", refused.header("WWW-Authenticate"));
            }
        }
    }

    @Test
    void noTokenOrAnotherSchemeIs401() {
        RawWebSocket.Refused none = assertThrows(RawWebSocket.Refused.class,
                () -> RawWebSocket.open(server.base(), "/ws?client_name=none", null, Map.of(), 65536).close());
        assertEquals(401, none.status());
        assertEquals("Bearer realm=\"handfeed\"", none.header("WWW-Authenticate"));
        assertTrue(error(none.body()).startsWith("A bearer token is required"), none.body());
        RawWebSocket.Refused basic = assertThrows(RawWebSocket.Refused.class, () -> RawWebSocket.open(server.base(),
                "/ws", null, Map.of("Authorization", "Basic dXNlcjpwYXNz"), 65536).close());
        assertEquals(401, basic.status());
        assertEquals("The Authorization header must be 'Bearer <token>'", error(basic.body()));
    }

    @Test
    void otherSpellingsOfThePathAreNoWayAround() {
        for (String target : List.of("/ws/", "/ws;x=1", "//ws", "/./ws", "/%77s", "/ws/?client_name=x")) {
            RawWebSocket.Refused refused = assertThrows(RawWebSocket.Refused.class,
                    () -> RawWebSocket.open(server.base(), target, null, Map.of(), 65536).close(), target);
            assertTrue(refused.status() == 401 || refused.status() == 404 || refused.status() == 400,
                    target + " answered " + refused.status());
        }
    }

    @Test
    void browserOriginsAreCheckedBesideTheToken() throws Exception {
        String token = mint.hs256(claims().build());
        Map<String, String> allowed = Map.of("Authorization", "Bearer " + token, "Origin", "http://localhost:5173");
        try (FeedClient client = FeedClient.connect(server.http(), FeedClient.wsUri(server.base(), "origin-ok"),
                allowed, List.of())) {
            assertEquals("connection_ack", client.next(WAIT).type());
        }
        try (FeedClient client = connect(Transport.HEADER, token, "no-origin")) {
            assertEquals("connection_ack", client.next(WAIT).type());
        }
        RawWebSocket.Refused evil = assertThrows(RawWebSocket.Refused.class, () -> RawWebSocket.open(server.base(),
                "/ws", null, Map.of("Authorization", "Bearer " + token, "Origin", "https://evil.example"), 65536));
        assertEquals(403, evil.status());
    }

    @Test
    void restEndpointsWantTheSameTokenAndHealthStaysOpen() throws Exception {
        String token = mint.rs256(claims().build());
        for (String path : List.of("ws/stats", "events?after=0&limit=1")) {
            assertEquals(401, server.get(path, Map.of()).statusCode(), path);
            assertEquals(401, server.get(path, SecuredServer.bearer(mint.hs256(claims()
                    .expirationTime(Date.from(Instant.now().minusSeconds(300))).build()))).statusCode(), path);
            assertEquals(401, server.get(path, SecuredServer.bearer(TokenMint.unsigned(claims().build())))
                    .statusCode(), path);
            assertEquals(200, server.get(path, SecuredServer.bearer(token)).statusCode(), path);
            String separator = path.contains("?") ? "&" : "?";
            assertEquals(200, server.get(path + separator + "access_token=" + token, Map.of()).statusCode(), path);
        }
        assertEquals(200, server.get("health", Map.of()).statusCode());
    }

    @Test
    void tokensNeverReachTheLog() throws Exception {
        String header = mint.hs256(claims().build());
        String query = mint.es256(claims().build());
        String expired = mint.rs256(claims().expirationTime(Date.from(Instant.now().minusSeconds(300))).build());
        try (FeedClient a = connect(Transport.HEADER, header, "log-a"); FeedClient b = connect(Transport.QUERY, query, "log-b")) {
            a.next(WAIT);
            b.next(WAIT);
        }
        assertThrows(RawWebSocket.Refused.class, () -> raw(Transport.SUBPROTOCOL, expired));
        String log = Files.readString(server.log());
        for (String token : List.of(header, query, expired)) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertTrue(!log.contains(signature) && !log.contains(token.substring(0, token.lastIndexOf('.'))),
                    "a token in the server log");
        }
    }

    @Test
    void theLibraryBundledInTheWarIsTheOneThatVerifies() throws IOException {
        String version = JWSAlgorithm.class.getPackage().getImplementationVersion();
        assertTrue(Pattern.compile("verified by nimbus-jose-jwt " + Pattern.quote(version)
                        + "(?![.\\d])").matcher(Files.readString(server.log())).find(),
                "the server's own, older nimbus-jose-jwt would shadow " + version);
    }

    private static JWTClaimsSet.Builder claims() {
        return TokenMint.claims("alice", 600);
    }

    private FeedClient connect(Transport transport, String token, String name) {
        String query = transport == Transport.QUERY ? "&access_token=" + token : "";
        URI uri = URI.create(FeedClient.wsUri(server.base(), name) + query);
        return switch (transport) {
            case HEADER -> FeedClient.connect(server.http(), uri, SecuredServer.bearer(token), List.of());
            case SUBPROTOCOL -> FeedClient.connect(server.http(), uri, Map.of(), List.of("handfeed", "bearer." + token));
            case QUERY -> FeedClient.connect(server.http(), uri, Map.of(), List.of());
        };
    }

    private RawWebSocket raw(Transport transport, String token) throws IOException {
        String encoded = URLEncoder.encode(token, StandardCharsets.UTF_8);
        return switch (transport) {
            case HEADER -> RawWebSocket.open(server.base(), "/ws", null, SecuredServer.bearer(token), 65536);
            case SUBPROTOCOL -> RawWebSocket.open(server.base(), "/ws", null,
                    Map.of("Sec-WebSocket-Protocol", "handfeed, bearer." + token), 65536);
            case QUERY -> RawWebSocket.open(server.base(), "/ws?access_token=" + encoded, null, Map.of(), 65536);
        };
    }

    private static String error(String body) {
        return Json.createReader(new StringReader(body)).readObject().getString("error");
    }
}
