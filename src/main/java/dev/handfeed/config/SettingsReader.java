package dev.handfeed.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Turns raw configuration text into checked values; every failure names the setting and the value given. */
final class SettingsReader {

    private final Function<String, Optional<String>> source;

    SettingsReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    Optional<String> optionalText(String name) {
        return source.apply(name).map(String::strip).filter(s -> !s.isEmpty());
    }

    String text(String name, String fallback) {
        return optionalText(name).orElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = optionalText(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw invalid(name, raw.get(), "a whole number from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name, raw.get(), "a whole number from " + min + " to " + max);
        }
    }

    /** {@code true} or {@code false}, nothing else: a typo in a safety switch must not silently mean either. */
    boolean bool(String name, boolean fallback) {
        Optional<String> raw = optionalText(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, raw.get(), "true or false");
        };
    }

    /** One of {@code choices} (any case), returned in lower case. */
    String choice(String name, String fallback, List<String> choices) {
        String value = text(name, fallback).toLowerCase(Locale.ROOT);
        if (!choices.contains(value)) {
            throw invalid(name, text(name, fallback), "one of " + String.join(", ", choices));
        }
        return value;
    }

    List<String> list(String name, List<String> fallback) {
        return optionalText(name)
                .map(raw -> Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(fallback);
    }

    Path path(String name, Path fallback) {
        Optional<String> raw = optionalText(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            String text = raw.get();
            return text.startsWith("~/") ? Path.of(System.getProperty("user.home"), text.substring(2)) : Path.of(text);
        } catch (InvalidPathException e) {
            throw invalid(name, raw.get(), "a file system path");
        }
    }

    private static IllegalArgumentException invalid(String name, String value, String expected) {
        return new IllegalArgumentException("Setting " + name + " must be " + expected + ", got '" + value + "'");
    }
}
