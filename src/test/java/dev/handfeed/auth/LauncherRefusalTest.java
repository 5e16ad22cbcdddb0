package dev.handfeed.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * payara/run.sh refuses, before it builds or starts anything, to serve without authentication on an address that
 * is not loopback. (The application refuses the same at deployment: SecuritySettingsTest.)
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherRefusalTest {

    @TempDir
    Path bin;

    @Test
    void anonymousOnAllInterfacesIsRefusedWithTheWayOut() throws Exception {
        Result result = run(Map.of("BIND_ADDRESS", "0.0.0.0"));
        assertEquals(1, result.exit());
        assertTrue(result.output().contains("refusing to start: BIND_ADDRESS=0.0.0.0 is not a loopback address and"
                + " AUTH_MODE=none"), result.output());
        assertTrue(result.output().contains("AUTH_MODE=jwt") && result.output().contains("ALLOW_ANONYMOUS_REMOTE=true"));
        assertEquals(1, run(Map.of("BIND_ADDRESS", "192.168.1.20", "AUTH_MODE", "none")).exit());
        assertEquals(1, run(Map.of("BIND_ADDRESS", "::", "ALLOW_ANONYMOUS_REMOTE", "yes")).exit());
    }

    private record Result(int exit, String output) {
    }

    /**
     * Runs the launcher with a PATH that holds {@code dirname} and nothing else: no mvn, no java, so nothing could
     * be built or started even if the refusal failed.
     */
    private Result run(Map<String, String> environment) throws IOException, InterruptedException {
        Path dirname = Path.of("/usr/bin/dirname");
        if (!Files.exists(bin.resolve("dirname"))) {
            Files.createSymbolicLink(bin.resolve("dirname"), Files.exists(dirname) ? dirname : Path.of("/bin/dirname"));
        }
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "payara/run.sh").redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("PATH", bin.toString());
        builder.environment().remove("JAVA_HOME");
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "run.sh did not stop by itself");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
