package dev.handfeed.metrics;

import dev.handfeed.testing.PayaraProcess;
import dev.handfeed.testing.Server;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payara Micro run as its documentation runs a WAR ({@code java -jar payara-micro.jar --deploy handfeed.war}),
 * without the project's pre-boot commands: Payara's own {@code /health} answers, and it must show the application's
 * checks, DOWN with the reason when the history folder is missing; the log says, once, how to get handfeed's own
 * {@code /health} and {@code /metrics} back.
 */
class PlatformHealthIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void payarasOwnHealthShowsTheApplicationsChecksAndTheLogSaysHowToGetHandfeedsBack() throws Exception {
        Path work = Files.createDirectories(Server.itDir().resolve("plain-payara"));
        Path history = work.resolve("history"); // not there yet
        Map<String, String> settings = Map.of("WINAMAX_HISTORY_PATH", history.toString(),
                "HANDFEED_DATA_DIR", work.resolve("data").toString(), "RESCAN_INTERVAL_MS", "500");
        try (PayaraProcess server = PayaraProcess.startPlain(settings, work, "plain.log", 503)) {
            // DOWN from the start: "not running" while the journal opens (and its schema is migrated), then the folder.
            await().atMost(Duration.ofSeconds(30)).until(() -> Server.json(http, server.base(), "health").toString()
                    .contains("does not exist (WINAMAX_HISTORY_PATH)"));
            JsonObject health = Server.json(http, server.base(), "health");
            assertFalse(health.containsKey("reasons"), "Payara's /health answers, not handfeed's: " + health);
            assertEquals("DOWN", health.getString("status"));
            Map<String, JsonObject> checks = byName(health);
            assertEquals("UP", checks.get("handfeed-broadcast").getString("status"), health.toString());
            assertEquals("UP", checks.get("handfeed-heartbeat").getString("status"), health.toString());
            JsonObject watcher = checks.get("handfeed-watcher");
            assertEquals("DOWN", watcher.getString("status"));
            assertEquals("history folder " + history + " does not exist (WINAMAX_HISTORY_PATH)",
                    watcher.getJsonObject("data").getString("reason"));

            assertEquals(200, Server.get(http, server.base(), "health/live").statusCode(),
                    "a missing folder is not a reason to restart the server");
            JsonObject ready = Server.json(http, server.base(), "health/ready");
            assertEquals(List.of("handfeed-watcher"), List.copyOf(byName(ready).keySet()));
            assertEquals(503, Server.get(http, server.base(), "health/ready").statusCode());

            assertFalse(Server.get(http, server.base(), "metrics").body().contains("handfeed_"),
                    "Payara's /metrics answers in place of handfeed's");
            List<String> lines = Files.readAllLines(server.log()).stream()
                    .filter(l -> l.contains("in place of handfeed's")).toList();
            assertEquals(1, lines.size(), "one start-up line: " + lines);
            assertTrue(lines.get(0).contains("/health") && lines.get(0).contains("/metrics")
                    && lines.get(0).contains("--prebootcommandfile payara/pre-boot-commands.asadmin"), lines.get(0));

            Files.createDirectories(history);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Server.get(http, server.base(), "health").statusCode() == 200);
            JsonObject up = byName(Server.json(http, server.base(), "health")).get("handfeed-watcher");
            assertEquals("UP", up.getString("status"));
            assertEquals("watching " + history, up.getJsonObject("data").getString("detail"));
        }
    }

    private static Map<String, JsonObject> byName(JsonObject health) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c, (a, b) -> a, java.util.TreeMap::new));
    }
}
