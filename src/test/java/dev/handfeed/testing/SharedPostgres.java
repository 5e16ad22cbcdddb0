package dev.handfeed.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real PostgreSQL for every test class that takes a {@link Postgres} parameter (with
 * {@code @ExtendWith(SharedPostgres.class)}): started the first time one asks, stopped when the test run ends.
 * Each test makes its own database ({@link Postgres#createDatabase}), so they share the server and nothing else.
 */
public final class SharedPostgres implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPostgres.class);

    /** The server and its data folder, closed by JUnit at the end of the run. */
    private record Running(Postgres postgres, Path dataDir) implements ExtensionContext.Store.CloseableResource {
        static Running start() {
            try {
                Path dir = Files.createTempDirectory("handfeed-pg");
                return new Running(Postgres.start(dir.resolve("pg")), dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the tests' PostgreSQL", e);
            }
        }

        @Override
        public void close() throws IOException {
            postgres.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Postgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class).postgres();
    }
}
