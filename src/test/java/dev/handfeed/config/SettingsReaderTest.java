package dev.handfeed.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsReaderTest {

    private static SettingsReader reader(Map<String, String> values) {
        return new SettingsReader(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void defaultsApplyWhenUnsetOrBlank() {
        SettingsReader reader = reader(Map.of("HEARTBEAT_INTERVAL", "  "));
        assertEquals(30, reader.integer("HEARTBEAT_INTERVAL", 30, 1, 100));
        assertEquals("127.0.0.1", reader.text("BIND_ADDRESS", "127.0.0.1"));
        assertEquals(Optional.empty(), reader.optionalText("HERO_NAME"));
    }

    @Test
    void valuesAreTrimmedAndParsed() {
        SettingsReader reader = reader(Map.of("HEARTBEAT_INTERVAL", " 2 ", "ALLOWED_ORIGINS", "a, b,,c "));
        assertEquals(2, reader.integer("HEARTBEAT_INTERVAL", 30, 1, 100));
        assertEquals(List.of("a", "b", "c"), reader.list("ALLOWED_ORIGINS", List.of()));
    }

    @Test
    void badNumbersNameTheSettingAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reader(Map.of("HEARTBEAT_INTERVAL", "soon")).integer("HEARTBEAT_INTERVAL", 30, 1, 100));
        assertEquals("Setting HEARTBEAT_INTERVAL must be a whole number from 1 to 100, got 'soon'", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> reader(Map.of("HEARTBEAT_INTERVAL", "0")).integer("HEARTBEAT_INTERVAL", 30, 1, 100));
    }

    @Test
    void homeRelativePathsAreExpanded() {
        Path path = reader(Map.of("HANDFEED_DATA_DIR", "~/hf")).path("HANDFEED_DATA_DIR", Path.of("x"));
        assertEquals(Path.of(System.getProperty("user.home"), "hf"), path);
    }
}
