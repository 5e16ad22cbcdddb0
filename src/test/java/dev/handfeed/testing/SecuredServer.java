package dev.handfeed.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * One Payara Micro for the integration tests of authentication and limits, started once however many of their
 * classes run ({@link SecuredServerExtension}): AUTH_MODE=jwt with an HS256 secret, an RSA key in a PEM file and an
 * EC key in a JWK set, issuer and audience checked, small connection caps, the default frame rate, and
 * BIND_ADDRESS=0.0.0.0 (allowed with jwt; the listener itself stays on 127.0.0.1 through the pre-boot file).
 */
public final class SecuredServer implements ExtensionContext.Store.CloseableResource {

    public static final int MAX_PER_ADDRESS = 20;
    public static final int MAX_CONNECTIONS = 30;
    public static final int CLOCK_SKEW_SECONDS = 2;

    private final TokenMint mint;
    private final PayaraProcess process;
    private final String serviceToken;
    private final Path history;
    private final HttpClient http = HttpClient.newHttpClient();

    private SecuredServer(TokenMint mint, PayaraProcess process, String serviceToken, Path history) {
        this.mint = mint;
        this.process = process;
        this.serviceToken = serviceToken;
        this.history = history;
    }

    static SecuredServer start() {
        try {
            Path dir = Files.createDirectories(Server.itDir().resolve("secured"));
            Files.createDirectories(dir.resolve("history"));
            TokenMint mint = new TokenMint(dir.resolve("keys"));
            String serviceToken = mint.hs256(TokenMint.claims("test-service", 3600).build());
            PayaraProcess process = PayaraProcess.start(Map.ofEntries(
                    Map.entry("AUTH_MODE", "jwt"),
                    Map.entry("JWT_SECRET", mint.secret()),
                    Map.entry("JWT_PUBLIC_KEY_FILE", mint.pemFile().toString()),
                    Map.entry("JWT_JWKS_FILE", mint.jwksFile().toString()),
                    Map.entry("JWT_ISSUER", TokenMint.ISSUER),
                    Map.entry("JWT_AUDIENCE", TokenMint.AUDIENCE),
                    Map.entry("JWT_CLOCK_SKEW_SECONDS", String.valueOf(CLOCK_SKEW_SECONDS)),
                    Map.entry("BIND_ADDRESS", "0.0.0.0"),
                    Map.entry("MAX_CONNECTIONS_PER_ADDRESS", String.valueOf(MAX_PER_ADDRESS)),
                    Map.entry("MAX_CONNECTIONS", String.valueOf(MAX_CONNECTIONS)),
                    Map.entry("HEARTBEAT_INTERVAL", "1"),
                    Map.entry("CLIENT_SEND_TIMEOUT_MS", "3000"),
                    Map.entry("WINAMAX_HISTORY_PATH", dir.resolve("history").toString()),
                    Map.entry("HANDFEED_DATA_DIR", dir.resolve("data").toString())),
                    dir, "secured-server.log", 200, bearer(serviceToken));
            return new SecuredServer(mint, process, serviceToken, dir.resolve("history"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The secured server did not start", e);
        }
    }

    public URI base() { return process.base(); }
    public TokenMint mint() { return mint; }
    public Path log() { return process.log(); }
    public long pid() { return process.pid(); }
    public HttpClient http() { return http; }
    /** The history folder the server watches: hands written there reach its clients. */
    public Path history() { return history; }

    public static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** A valid HS256 token for {@code subject}, good for {@code lifetimeSeconds}. */
    public String token(String subject, long lifetimeSeconds) {
        try {
            return mint.hs256(TokenMint.claims(subject, lifetimeSeconds).build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client with a valid token in its Authorization header. */
    public FeedClient connect(String clientName) {
        return FeedClient.connect(http, FeedClient.wsUri(base(), clientName), bearer(token(clientName, 600)), List.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonObject stats() {
        return Json.createReader(new StringReader(get("ws/stats", bearer(serviceToken)).body())).readObject();
    }

    /** Waits until no connection is open: tests of the caps count from zero. */
    public void awaitNoConnections() {
        await().atMost(Duration.ofSeconds(20)).until(() -> stats().getInt("active_connections") == 0);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
