package dev.handfeed.hands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A 100 MB file through a fixed-size buffer in a JVM whose heap is far smaller than the file. */
class LargeStreamTest {

    @Test
    void aHundredMegabyteFileParsesInA64MegabyteHeap() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), LargeStreamMain.class.getName(),
                Long.toString(100L << 20))
                .redirectErrorStream(true).start();
        boolean ended = child.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(ended, "child still running after 120 s: " + output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("parsed="), output);
    }
}
