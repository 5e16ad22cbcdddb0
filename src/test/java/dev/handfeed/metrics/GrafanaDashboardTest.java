package dev.handfeed.metrics;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/grafana/handfeed.json as a file to import; that its metrics exist is MetricsIT's job. */
class GrafanaDashboardTest {

    @Test
    void metricNamesAreFoundInQueries() {
        assertEquals(Set.of("handfeed_hand_delivery_seconds_bucket"), GrafanaDashboard.metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(handfeed_hand_delivery_seconds_bucket{instance=~\"$instance\"}[$__rate_interval])))"));
        assertEquals(Set.of("jvm_memory_used_bytes", "jvm_memory_max_bytes"), GrafanaDashboard.metricNames(
                "sum without (id) (jvm_memory_used_bytes{area=\"heap\"}) / on (instance) group_left sum by (instance) (jvm_memory_max_bytes{area=\"heap\"})"));
        assertEquals(Set.of("handfeed_hands_broadcast_total"), GrafanaDashboard.metricNames(
                "60 * sum by (game_type, kind) (rate(handfeed_hands_broadcast_total[5m])) or vector(0)"));
    }

    @Test
    void theDashboardIsAnImportableGrafanaDashboard() throws IOException {
        GrafanaDashboard dashboard = GrafanaDashboard.read(Path.of("docs/grafana/handfeed.json"));
        JsonObject json = dashboard.json();
        assertEquals("handfeed", json.getString("uid"));
        assertTrue(json.getInt("schemaVersion") >= 36);
        // Imported dashboards ask for their data source through an input.
        assertEquals("DS_PROMETHEUS", json.getJsonArray("__inputs").getJsonObject(0).getString("name"));
        Set<Integer> ids = new HashSet<>();
        for (JsonObject panel : dashboard.panels()) {
            assertTrue(ids.add(panel.getInt("id")), "panel ids are unique");
            assertTrue(panel.containsKey("gridPos"), panel.getString("title"));
            if (!"row".equals(panel.getString("type"))) {
                assertFalse(panel.getJsonArray("targets").isEmpty(), panel.getString("title"));
                assertEquals("${DS_PROMETHEUS}", panel.getJsonObject("datasource").getString("uid"));
            }
        }
        List<String> queries = dashboard.queries();
        assertTrue(queries.size() >= 10, "one query or more per panel");
        queries.forEach(q -> assertFalse(GrafanaDashboard.metricNames(q).isEmpty(), q));
    }
}
