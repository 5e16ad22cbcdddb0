package dev.handfeed.metrics;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Says at start-up, in one line with the fix, when the server answers {@code /health} or {@code /metrics} in the
 * application's place. Payara Micro adds its MicroProfile Health and Metrics servlets to whatever application is
 * deployed at the context root, and a servlet mapping wins over the application's JAX-RS paths: a plain
 * {@code java -jar payara-micro.jar --deploy handfeed.war} serves Payara's {@code /health} (where the application's
 * checks then appear, see {@code stats.PlatformHealth}) and Payara's {@code /metrics} (where its meters do not).
 * The servlets are in this context before any listener runs, so looking at its registrations is enough, on any
 * server.
 */
@WebListener
public class ShadowedEndpoints implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ShadowedEndpoints.class.getName());
    private static final List<String> OURS = List.of("/health", "/metrics");

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        List<String> shadowed = shadowed(context.getServletRegistrations());
        if (!shadowed.isEmpty()) {
            LOG.warning(() -> message(shadowed, context.getServerInfo()));
        }
    }

    /** "PATH (servlet NAME)" for each of our paths that a servlet of the server is mapped to. */
    static List<String> shadowed(Map<String, ? extends ServletRegistration> registrations) {
        List<String> found = new ArrayList<>();
        for (String path : OURS) {
            for (ServletRegistration registration : registrations.values()) {
                if (registration.getMappings().stream().anyMatch(m -> m.equals(path) || m.startsWith(path + "/"))) {
                    found.add(path + " (servlet " + registration.getName() + ")");
                }
            }
        }
        return found;
    }

    static String message(List<String> shadowed, String server) {
        boolean health = shadowed.stream().anyMatch(s -> s.startsWith("/health"));
        boolean metrics = shadowed.stream().anyMatch(s -> s.startsWith("/metrics"));
        return "The server (" + server + ") answers " + String.join(" and ", shadowed) + " in place of handfeed's"
                + (health ? "; its /health shows handfeed's checks as handfeed-broadcast, handfeed-heartbeat and"
                + " handfeed-watcher but not handfeed's own answer" : "")
                + (metrics ? "; handfeed's Prometheus metrics are not reachable" : "")
                + ". Fix: start Payara Micro with --prebootcommandfile payara/pre-boot-commands.asadmin, as"
                + " payara/run.sh does (it turns Payara's health check off and moves Payara's metrics to"
                + " /payara-metrics)";
    }
}
