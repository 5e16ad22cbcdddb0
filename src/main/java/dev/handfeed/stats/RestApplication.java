package dev.handfeed.stats;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the context root, so the paths are exactly the contract's {@code /ws/stats} and {@code /health}. */
@ApplicationPath("/")
public class RestApplication extends Application {
}
