package dev.handfeed.page;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code GET /} (the live page) and the static files it uses, read from the WAR through the servlet context, which
 * also finds the files of WebJars in WEB-INF/lib (META-INF/resources). The resources of the other paths
 * ({@code /ws/stats}, {@code /health}) are more specific and keep matching first.
 */
@Path("/")
public class PageResource {

    private static final Logger LOG = Logger.getLogger(PageResource.class.getName());

    /**
     * Everything from this server and nothing from anywhere else: the page must work offline and must not leak a
     * player's hands. WebSockets are named explicitly because some browsers do not count ws: as 'self'.
     */
    private static final String PAGE_POLICY = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'";

    private static final String CLIENT_LIBRARY = "/handfeed-client.js";

    @Context
    ServletContext servletContext;

    @Context
    Request request;

    @GET
    public Response page() {
        return file("index.html");
    }

    @GET
    @Path("{file: .+}")
    public Response file(@PathParam("file") String path) {
        Optional<StaticFile> file = StaticFile.of(path);
        URL url = file.map(f -> resource(f.resourcePath())).orElse(null);
        if (url == null) {
            return Response.status(Response.Status.NOT_FOUND).type("text/plain;charset=utf-8")
                    .entity("Not found: /" + path + "\n").build();
        }
        try {
            URLConnection connection = url.openConnection();
            // Whole seconds: HTTP dates have no milliseconds, and If-Modified-Since would never match otherwise.
            Date modified = new Date(connection.getLastModified() / 1000 * 1000);
            CacheControl revalidate = new CacheControl();
            revalidate.setNoCache(true);
            Response.ResponseBuilder unchanged = request.evaluatePreconditions(modified);
            if (unchanged != null) {
                return unchanged.cacheControl(revalidate).build();
            }
            byte[] body;
            try (InputStream in = connection.getInputStream()) {
                body = in.readAllBytes();
            }
            Response.ResponseBuilder ok = Response.ok(body, file.get().mediaType()).lastModified(modified)
                    .cacheControl(revalidate).header("X-Content-Type-Options", "nosniff");
            if (file.get().resourcePath().equals(CLIENT_LIBRARY)) {
                // Pages from elsewhere (a file on disk, the streamer's own site) import the library: module scripts
                // are fetched with CORS. The code is public; the feed itself stays behind the WebSocket origin check.
                ok.header("Access-Control-Allow-Origin", "*");
            }
            if (file.get().isPage()) {
                ok.header("Content-Security-Policy", PAGE_POLICY).header("Referrer-Policy", "no-referrer");
            }
            return ok.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url + " from the WAR", e);
        }
    }

    private URL resource(String resourcePath) {
        try {
            return servletContext.getResource(resourcePath);
        } catch (java.net.MalformedURLException e) {
            LOG.fine(() -> "Not a resource path: " + resourcePath);
            return null;
        }
    }
}
