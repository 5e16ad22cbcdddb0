package dev.handfeed.stats;

import dev.handfeed.heartbeat.HeartbeatTimer;
import dev.handfeed.live.Broadcaster;
import dev.handfeed.watcher.HistoryWatcher;
import dev.handfeed.watcher.WatcherStatus;
import dev.handfeed.wire.JsonCodec;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Whether the server can do its job right now; 503 tells a supervisor or a load balancer to look. */
@Path("/health")
@RequestScoped
public class HealthResource {

    @Inject
    Broadcaster broadcaster;

    @Inject
    HeartbeatTimer heartbeat;

    @Inject
    HistoryWatcher watcher;

    @Inject
    JsonCodec codec;

    private static Health.Check watcherCheck(WatcherStatus status) {
        List<String> problems = status.problems();
        if (!problems.isEmpty()) {
            return new Health.Check("watcher", false, String.join("; ", problems));
        }
        if (!status.active()) {
            return new Health.Check("watcher", false, "history watcher is not running");
        }
        return new Health.Check("watcher", true, "watching " + String.join(", ", status.watchedPaths()));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Health health = Health.of(List.of(
                new Health.Check("broadcast", broadcaster.isActive(),
                        broadcaster.isActive() ? "worker running" : "broadcast worker is not running"),
                new Health.Check("heartbeat", heartbeat.isActive(),
                        heartbeat.isActive() ? "timer scheduled" : "heartbeat timer does not exist"),
                watcherCheck(watcher.status())));
        return Response.status(health.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(codec.toJson(health)).build();
    }
}
