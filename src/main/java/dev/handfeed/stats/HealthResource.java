package dev.handfeed.stats;

import dev.handfeed.cluster.ClusterNode;
import dev.handfeed.wire.JsonCodec;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Whether the server can do its job right now; 503 tells a supervisor or a load balancer to look. */
@Path("/health")
@RequestScoped
public class HealthResource {

    @Inject
    HealthChecks checks;

    @Inject
    JsonCodec codec;

    @Inject
    ClusterNode node;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Health health = Health.of(checks.all()).with(node.view());
        return Response.status(health.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(codec.toJson(health)).build();
    }
}
