package dev.handfeed.metrics;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL queries of a Grafana dashboard file, and the metric names they read. */
final class GrafanaDashboard {

    /** Words of PromQL that are not metric names when they are not followed by a parenthesis. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final JsonObject dashboard;

    private GrafanaDashboard(JsonObject dashboard) {
        this.dashboard = dashboard;
    }

    static GrafanaDashboard read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return new GrafanaDashboard(reader.readObject());
        }
    }

    JsonObject json() {
        return dashboard;
    }

    /** Every panel, rows' nested panels included. */
    List<JsonObject> panels() {
        List<JsonObject> panels = new ArrayList<>();
        collect(dashboard.getJsonArray("panels"), panels);
        return panels;
    }

    private static void collect(JsonArray array, List<JsonObject> into) {
        for (JsonValue value : array) {
            JsonObject panel = value.asJsonObject();
            into.add(panel);
            if (panel.containsKey("panels")) {
                collect(panel.getJsonArray("panels"), into);
            }
        }
    }

    /** The {@code expr} of every target of every panel. */
    List<String> queries() {
        List<String> queries = new ArrayList<>();
        for (JsonObject panel : panels()) {
            if (panel.containsKey("targets")) {
                panel.getJsonArray("targets").forEach(t -> queries.add(t.asJsonObject().getString("expr")));
            }
        }
        return queries;
    }

    Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        queries().forEach(q -> names.addAll(metricNames(q)));
        return names;
    }

    /**
     * The metric names one query reads: what is left once label matchers, ranges, grouping clauses, strings and
     * numbers are removed, minus function names (followed by a parenthesis) and keywords.
     */
    static Set<String> metricNames(String query) {
        String rest = query.replaceAll("\"(\\\\.|[^\"\\\\])*\"", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?([eE][+-]?\\d+)?\\b", " ");
        Set<String> names = new TreeSet<>();
        Matcher word = IDENTIFIER.matcher(rest);
        while (word.find()) {
            String name = word.group();
            boolean call = rest.substring(word.end()).stripLeading().startsWith("(");
            if (!call && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
