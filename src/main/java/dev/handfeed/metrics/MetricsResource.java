package dev.handfeed.metrics;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code GET /metrics} for Prometheus. On Payara Micro this path is the server's own unless the pre-boot command
 * file moves Payara's metrics away (see {@link ShadowedEndpoints}).
 */
@Path("/metrics")
@RequestScoped
public class MetricsResource {

    @Inject
    Metrics metrics;

    @GET
    public Response scrape(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String type = Metrics.contentType(accept);
        StreamingOutput body = out -> metrics.write(out, type);
        return Response.ok(body, type).build();
    }
}
