package dev.handfeed.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code handfeed-watcher} in the server's own health: see {@link PlatformHealth}. */
@Readiness
@ApplicationScoped
public class WatcherReadiness implements HealthCheck {

    @Inject
    HealthChecks checks;

    @Override
    public HealthCheckResponse call() {
        return PlatformHealth.response(checks.watcher());
    }
}
