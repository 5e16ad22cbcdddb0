package dev.handfeed.stats;

import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The application's checks as MicroProfile Health checks, for servers that answer {@code /health} themselves:
 * Payara Micro run without the project's pre-boot commands shows them in its own {@code /health}
 * ({@code /health/live}, {@code /health/ready}). The broadcaster and the heartbeat are liveness (only a restart
 * helps when they stay down); the watcher is readiness (a missing folder or a failing journal is fixed outside,
 * and the watcher retries by itself). On a server without MicroProfile Health (WildFly's standalone.xml) the API
 * is absent, CDI skips these classes, and nothing else refers to them.
 */
final class PlatformHealth {

    private PlatformHealth() {
    }

    static HealthCheckResponse response(Health.Check check) {
        return HealthCheckResponse.named("handfeed-" + check.name())
                .status(check.up())
                .withData(check.up() ? "detail" : "reason", check.detail())
                .build();
    }
}
