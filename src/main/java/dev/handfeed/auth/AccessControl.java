package dev.handfeed.auth;

import com.nimbusds.jose.JWSAlgorithm;
import dev.handfeed.config.SecuritySettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The server's access rules in one place, created with the application so that a bad key or an unsafe setting
 * stops the deployment at once: the token verifier (AUTH_MODE=jwt), the connection caps, the rule that anonymous
 * access is for loopback peers only, and the throttled log of refusals.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // nothing here is transactional: no JTA per call
public class AccessControl {

    private static final Logger LOG = Logger.getLogger(AccessControl.class.getName());

    @Inject
    SecuritySettings settings;

    private final ThrottledLog refusals = new ThrottledLog(LOG, 30);
    private TokenVerifier verifier;
    private ConnectionCaps caps;

    @PostConstruct
    void start() {
        caps = new ConnectionCaps(settings.maxConnectionsPerAddress(), settings.maxConnections());
        if (settings.jwt()) {
            verifier = new TokenVerifier(VerificationKeys.load(settings.jwtSecret(), settings.jwtPublicKeyFile(),
                    settings.jwtJwksFile()), settings.jwtIssuer(), settings.jwtAudience(), settings.clockSkewSeconds());
            LOG.info(() -> "Authentication: bearer tokens signed with " + verifier.algorithms().stream()
                    .map(JWSAlgorithm::getName).collect(Collectors.joining(", ")) + " required on /ws, /ws/stats,"
                    + " /events and /metrics; verified by nimbus-jose-jwt "
                    + JWSAlgorithm.class.getPackage().getImplementationVersion());
        }
    }

    public boolean jwt() {
        return verifier != null;
    }

    /** The grant of a token; only with AUTH_MODE=jwt. */
    public Grant verify(String token) throws TokenRejected {
        if (verifier == null) {
            throw new TokenRejected("Authentication is off on this server (AUTH_MODE=none)");
        }
        return verifier.verify(token);
    }

    /** Past its {@code exp} by more than the clock skew allowed, as the verifier counts it. */
    public boolean expired(Grant grant, Instant now) {
        return now.isAfter(grant.expiresAt().plusSeconds(settings.clockSkewSeconds()));
    }

    /**
     * Why a peer may not use the server anonymously: AUTH_MODE=none serves loopback peers only, unless
     * ALLOW_ANONYMOUS_REMOTE=true. This holds even where the listener was bound wider than BIND_ADDRESS says
     * (Payara Micro started without the launcher listens on every interface).
     */
    public Optional<String> anonymousRefusal(String peer) {
        if (verifier != null || settings.allowAnonymousRemote() || peer == null || SecuritySettings.isLoopback(peer)) {
            return Optional.empty();
        }
        return Optional.of("This server serves unauthenticated clients on this machine only (AUTH_MODE=none);"
                + " its operator can set AUTH_MODE=jwt");
    }

    public ConnectionCaps caps() {
        return caps;
    }

    public int maxFramesPerSecond() {
        return settings.clientMaxFramesPerSecond();
    }

    /** One short line for a refusal; at most 30 a minute, whatever the clients do. */
    public void logRefusal(Supplier<String> line) {
        refusals.log(Level.INFO, line);
    }
}
