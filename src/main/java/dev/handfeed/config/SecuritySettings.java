package dev.handfeed.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Who may connect and how much: AUTH_MODE with its JWT_* keys and checks, and the limits on connections and frames.
 * Read like {@link Settings}, apart from it because a secret is among them and must never reach the log. Refuses to
 * serve without authentication on a BIND_ADDRESS that is not loopback, unless ALLOW_ANONYMOUS_REMOTE=true says so.
 */
@ApplicationScoped
public class SecuritySettings {

    /** HS256 needs a key at least as long as its hash (RFC 7518, section 3.2). */
    public static final int MIN_SECRET_BYTES = 32;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Logger LOG = Logger.getLogger(SecuritySettings.class.getName());

    @Inject
    Config config;

    @Inject
    Settings settings;

    private boolean jwt;
    private Optional<String> jwtSecret;
    private Optional<Path> jwtPublicKeyFile;
    private Optional<Path> jwtJwksFile;
    private Optional<String> jwtIssuer;
    private Optional<String> jwtAudience;
    private int clockSkewSeconds;
    private boolean allowAnonymousRemote;
    private int clientMaxFramesPerSecond;
    private int maxConnectionsPerAddress;
    private int maxConnections;

    @PostConstruct
    void read() {
        read(new SettingsReader(name -> config.getOptionalValue(name, String.class)), settings.bindAddress());
        LOG.info(() -> "handfeed security: AUTH_MODE=" + (jwt ? "jwt" : "none")
                + " JWT_SECRET=" + jwtSecret.map(s -> "(set, " + secretBytes(s) + " bytes)").orElse("(unset)")
                + " JWT_PUBLIC_KEY_FILE=" + jwtPublicKeyFile.map(Path::toString).orElse("(unset)")
                + " JWT_JWKS_FILE=" + jwtJwksFile.map(Path::toString).orElse("(unset)")
                + " JWT_ISSUER=" + jwtIssuer.orElse("(any)") + " JWT_AUDIENCE=" + jwtAudience.orElse("(any)")
                + " JWT_CLOCK_SKEW_SECONDS=" + clockSkewSeconds + " ALLOW_ANONYMOUS_REMOTE=" + allowAnonymousRemote
                + " CLIENT_MAX_FRAMES_PER_SECOND=" + clientMaxFramesPerSecond
                + " MAX_CONNECTIONS_PER_ADDRESS=" + maxConnectionsPerAddress + " MAX_CONNECTIONS=" + maxConnections);
        if (!jwt && !isLoopback(settings.bindAddress())) {
            LOG.warning(() -> "Serving every hand WITHOUT authentication to anyone who can reach "
                    + settings.bindAddress() + " (ALLOW_ANONYMOUS_REMOTE=true)");
        }
    }

    /** Reads and checks every value; a bad one, or an unsafe combination, stops the deployment naming it. */
    void read(SettingsReader reader, String bindAddress) {
        jwt = reader.choice("AUTH_MODE", "none", List.of("none", "jwt")).equals("jwt");
        jwtSecret = reader.optionalText("JWT_SECRET");
        Path none = Path.of("");
        jwtPublicKeyFile = reader.optionalText("JWT_PUBLIC_KEY_FILE").map(v -> reader.path("JWT_PUBLIC_KEY_FILE", none));
        jwtJwksFile = reader.optionalText("JWT_JWKS_FILE").map(v -> reader.path("JWT_JWKS_FILE", none));
        jwtIssuer = reader.optionalText("JWT_ISSUER");
        jwtAudience = reader.optionalText("JWT_AUDIENCE");
        clockSkewSeconds = reader.integer("JWT_CLOCK_SKEW_SECONDS", 30, 0, 300);
        allowAnonymousRemote = reader.bool("ALLOW_ANONYMOUS_REMOTE", false);
        clientMaxFramesPerSecond = reader.integer("CLIENT_MAX_FRAMES_PER_SECOND", 20, 1, 1_000_000);
        maxConnectionsPerAddress = reader.integer("MAX_CONNECTIONS_PER_ADDRESS", 500, 1, 1_000_000);
        maxConnections = reader.integer("MAX_CONNECTIONS", 20_000, 1, 1_000_000);
        if (jwtSecret.isPresent() && secretBytes(jwtSecret.get()) < MIN_SECRET_BYTES) {
            // The value itself is never quoted: it is a secret.
            throw new IllegalArgumentException("Setting JWT_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes long for HS256, got " + secretBytes(jwtSecret.get()) + " bytes");
        }
        if (jwt && jwtSecret.isEmpty() && jwtPublicKeyFile.isEmpty() && jwtJwksFile.isEmpty()) {
            throw new IllegalArgumentException("Setting JWT_SECRET must be set when AUTH_MODE=jwt"
                    + " (or JWT_PUBLIC_KEY_FILE, or JWT_JWKS_FILE): tokens cannot be checked without a key");
        }
        if (!jwt && !allowAnonymousRemote && !isLoopback(bindAddress)) {
            throw new IllegalArgumentException("Setting BIND_ADDRESS must be a loopback address while AUTH_MODE=none,"
                    + " got '" + bindAddress + "': anyone who can reach it could read every hand. Set AUTH_MODE=jwt"
                    + " (docs/protocol.md, Authentication), or ALLOW_ANONYMOUS_REMOTE=true to serve without"
                    + " authentication on purpose");
        }
    }

    /**
     * True for {@code localhost} and loopback IP literals (127.0.0.0/8, ::1, IPv4-mapped). Any other host name is
     * treated as reachable from outside: deciding otherwise would take a DNS lookup.
     */
    public static boolean isLoopback(String host) {
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        var ipv4 = IPV4.matcher(h);
        boolean literal = h.contains(":") || (ipv4.matches()
                && List.of(1, 2, 3, 4).stream().allMatch(g -> Integer.parseInt(ipv4.group(g)) <= 255));
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static int secretBytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8).length;
    }

    public boolean jwt() { return jwt; }
    /** The HS256 key, as UTF-8 bytes of the setting. */
    public Optional<byte[]> jwtSecret() { return jwtSecret.map(s -> s.getBytes(StandardCharsets.UTF_8)); }
    public Optional<Path> jwtPublicKeyFile() { return jwtPublicKeyFile; }
    public Optional<Path> jwtJwksFile() { return jwtJwksFile; }
    public Optional<String> jwtIssuer() { return jwtIssuer; }
    public Optional<String> jwtAudience() { return jwtAudience; }
    public int clockSkewSeconds() { return clockSkewSeconds; }
    public boolean allowAnonymousRemote() { return allowAnonymousRemote; }
    public int clientMaxFramesPerSecond() { return clientMaxFramesPerSecond; }
    public int maxConnectionsPerAddress() { return maxConnectionsPerAddress; }
    public int maxConnections() { return maxConnections; }
}
