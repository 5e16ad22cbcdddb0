package dev.handfeed.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The application's one meter registry, created with the application and closed with it. Components inject
 * {@link MeterRegistry} and register their own meters; this bean adds the JVM and process meters of Micrometer's
 * own binders (heap, GC pauses, threads, CPU, open files) and writes everything for {@code GET /metrics}.
 */
@ApplicationScoped
public class Metrics {

    private static final String OPEN_METRICS = "application/openmetrics-text";

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;

    @PostConstruct
    void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        // Listens to the JVM's GC notifications: closed on undeploy, or the listener would keep this WAR loaded.
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Dependent scope: the registry itself is handed out, not a proxy of it. */
    @Produces
    @Dependent
    MeterRegistry meterRegistry() {
        return registry;
    }

    /**
     * The format for a scraper's Accept header: OpenMetrics when it accepts it (Prometheus asks for it first), else
     * the Prometheus text format 0.0.4. The protobuf format is not offered.
     */
    public static String contentType(String accept) {
        return accept != null && accept.contains(OPEN_METRICS)
                ? OpenMetricsTextFormatWriter.CONTENT_TYPE : PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    /** Writes every meter in the format of {@link #contentType}. */
    public void write(OutputStream out, String contentType) throws IOException {
        registry.scrape(out, contentType);
    }

    @PreDestroy
    void stop() {
        gc.close();
        registry.close();
    }
}
