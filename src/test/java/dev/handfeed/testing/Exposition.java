package dev.handfeed.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@code /metrics} answer parsed by the Prometheus project's own parsers (its Python client,
 * {@code src/test/python/exposition.py}): a body they refuse fails the test with their message. The Python
 * interpreter is {@code /usr/bin/python3} with Debian's {@code python3-prometheus-client}, or the
 * {@code prometheus.parser.python} system property.
 */
public final class Exposition {

    /** One sample: its name (with {@code _total}, {@code _bucket}... suffixes), labels and value. */
    public record Sample(String family, String type, String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private Exposition(List<Sample> samples) {
        this.samples = samples;
    }

    /** Parses with the strict OpenMetrics parser ({@code openMetrics}) or the text format 0.0.4 parser. */
    public static Exposition parse(String body, boolean openMetrics) throws IOException, InterruptedException {
        String python = System.getProperty("prometheus.parser.python", "/usr/bin/python3");
        Process process = new ProcessBuilder(python, Path.of("src/test/python/exposition.py").toString(),
                openMetrics ? "openmetrics" : "text").start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (var stdin = process.getOutputStream()) {
            stdin.write(body.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the Prometheus parser did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("the Prometheus " + (openMetrics ? "OpenMetrics" : "text format")
                    + " parser refused /metrics (exit " + process.exitValue() + "): " + err.join());
        }
        List<Sample> samples = new ArrayList<>();
        for (String line : out.join().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                JsonObject json = reader.readObject();
                Map<String, String> labels = new TreeMap<>();
                json.getJsonObject("labels").forEach((k, v) -> labels.put(k, ((jakarta.json.JsonString) v).getString()));
                samples.add(new Sample(json.getString("family"), json.getString("type"), json.getString("name"),
                        labels, Double.parseDouble(json.getString("value"))));
            }
        }
        Set<String> series = new HashSet<>();
        for (Sample sample : samples) {
            if (!series.add(sample.name() + sample.labels())) {
                throw new AssertionError("series given twice: " + sample.name() + sample.labels());
            }
        }
        return new Exposition(samples);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public List<Sample> samples() {
        return samples;
    }

    public Set<String> names() {
        Set<String> names = new HashSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The value of the series with exactly these labels ({@code "k", "v", ...}); fails when there is none. */
    public double value(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted))
                .mapToDouble(Sample::value).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + wanted + " in /metrics"));
    }

    /** The value of the series, 0 when it does not exist yet (a labelled counter appears on its first count). */
    public double valueOrZero(String name, String... labels) {
        try {
            return value(name, labels);
        } catch (AssertionError e) {
            return 0;
        }
    }
}
