package dev.handfeed.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The effective configuration. Names are the contract's (docs/protocol.md): the same name works as an environment
 * variable and as a system property. A bad value stops the deployment with a message naming the setting, rather
 * than running with a surprise.
 */
@ApplicationScoped
public class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

    @Inject
    Config config;

    private SettingsReader reader;
    private int port;
    private String bindAddress;
    private int heartbeatSeconds;
    private int broadcastQueueCapacity;
    private int broadcastThreads;
    private int clientBufferMessages;
    private Duration clientSendTimeout;
    private List<String> allowedOrigins;
    private Path dataDir;
    private Optional<String> heroName;
    private Optional<String> historyPath;
    private Duration rescanInterval;
    private Duration quietPeriod;
    private int replayMaxEvents;
    private Duration replayMaxAge;
    private Duration replayPurgeInterval;
    private boolean deflate;
    private int replayThreads;
    private boolean directSend;
    private int replayMaxRate;

    @PostConstruct
    void read() {
        reader = new SettingsReader(name -> config.getOptionalValue(name, String.class));
        port = reader.integer("PORT", 8000, 1, 65535);
        bindAddress = reader.text("BIND_ADDRESS", "127.0.0.1");
        heartbeatSeconds = reader.integer("HEARTBEAT_INTERVAL", 30, 1, 86_400);
        broadcastQueueCapacity = reader.integer("BROADCAST_QUEUE_CAPACITY", 10_000, 1, 10_000_000);
        broadcastThreads = reader.integer("BROADCAST_THREADS",
                Math.min(4, Runtime.getRuntime().availableProcessors()), 1, 64);
        clientBufferMessages = reader.integer("CLIENT_BUFFER_MESSAGES", 5_000, 1, 1_000_000);
        clientSendTimeout = Duration.ofMillis(reader.integer("CLIENT_SEND_TIMEOUT_MS", 10_000, 100, 3_600_000));
        allowedOrigins = reader.list("ALLOWED_ORIGINS", List.of("null", "http://localhost", "http://127.0.0.1",
                "https://localhost", "https://127.0.0.1", "file://"));
        dataDir = reader.path("HANDFEED_DATA_DIR", Path.of(System.getProperty("user.home"), ".handfeed"));
        heroName = reader.optionalText("HERO_NAME");
        historyPath = reader.optionalText("WINAMAX_HISTORY_PATH");
        rescanInterval = Duration.ofMillis(reader.integer("RESCAN_INTERVAL_MS", 5_000, 100, 3_600_000));
        quietPeriod = Duration.ofMillis(reader.integer("QUIET_PERIOD_MS", 1_000, 10, 600_000));
        replayMaxEvents = reader.integer("REPLAY_MAX_EVENTS", 100_000, 1, 100_000_000);
        replayMaxAge = Duration.ofHours(reader.integer("REPLAY_MAX_AGE_HOURS", 168, 1, 87_600));
        replayPurgeInterval = Duration.ofMillis(reader.integer("REPLAY_PURGE_INTERVAL_MS", 60_000, 100, 86_400_000));
        deflate = reader.bool("DEFLATE", true);
        replayThreads = reader.integer("REPLAY_THREADS", 1, 1, 16);
        directSend = reader.bool("DIRECT_SEND", true);
        replayMaxRate = reader.integer("REPLAY_MAX_RATE", 8_000, 100, 10_000_000);
        LOG.info(() -> "handfeed settings: PORT=" + port + " BIND_ADDRESS=" + bindAddress
                + " HEARTBEAT_INTERVAL=" + heartbeatSeconds + "s BROADCAST_QUEUE_CAPACITY=" + broadcastQueueCapacity
                + " CLIENT_BUFFER_MESSAGES=" + clientBufferMessages
                + " CLIENT_SEND_TIMEOUT_MS=" + clientSendTimeout.toMillis()
                + " ALLOWED_ORIGINS=" + String.join(",", allowedOrigins)
                + " WINAMAX_HISTORY_PATH=" + historyPath.orElse("(auto)")
                + " HANDFEED_DATA_DIR=" + dataDir + " HERO_NAME=" + heroName.orElse("(from Dealt to)")
                + " RESCAN_INTERVAL_MS=" + rescanInterval.toMillis() + " QUIET_PERIOD_MS=" + quietPeriod.toMillis()
                + " REPLAY_MAX_EVENTS=" + replayMaxEvents + " REPLAY_MAX_AGE_HOURS=" + replayMaxAge.toHours()
                + " REPLAY_PURGE_INTERVAL_MS=" + replayPurgeInterval.toMillis() + " DEFLATE=" + deflate + " REPLAY_THREADS=" + replayThreads
                + " DIRECT_SEND=" + directSend + " REPLAY_MAX_RATE=" + replayMaxRate);
    }

    public String bindAddress() { return bindAddress; }
    public int heartbeatSeconds() { return heartbeatSeconds; }
    public int broadcastQueueCapacity() { return broadcastQueueCapacity; }
    public int broadcastThreads() { return broadcastThreads; }
    public int clientBufferMessages() { return clientBufferMessages; }
    public Duration clientSendTimeout() { return clientSendTimeout; }
    public List<String> allowedOrigins() { return allowedOrigins; }
    public Path dataDir() { return dataDir; }
    public Optional<String> heroName() { return heroName; }
    public Optional<String> historyPath() { return historyPath; }
    public Duration rescanInterval() { return rescanInterval; }
    public Duration quietPeriod() { return quietPeriod; }
    public int replayMaxEvents() { return replayMaxEvents; }
    public Duration replayMaxAge() { return replayMaxAge; }
    public Duration replayPurgeInterval() { return replayPurgeInterval; }
    public boolean deflate() { return deflate; }
    public int replayThreads() { return replayThreads; }
    public boolean directSend() { return directSend; }
    public int replayMaxRate() { return replayMaxRate; }
}
