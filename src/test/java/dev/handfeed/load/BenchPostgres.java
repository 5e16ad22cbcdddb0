package dev.handfeed.load;

import dev.handfeed.testing.Postgres;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A PostgreSQL for the cluster benchmark (docs/benchmarks.md), the same one the tests start: prints the shared
 * journal's JDBC URL, then runs until the process is stopped (SIGTERM stops the database with it).
 * Arguments: the data folder.
 */
public final class BenchPostgres {

    private BenchPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Postgres postgres = Postgres.start(Path.of(args.length > 0 ? args[0] : "/tmp/handfeed-bench-pg"));
        String url = postgres.createDatabase("handfeed");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (java.io.IOException e) {
                System.err.println("stopping PostgreSQL: " + e.getMessage());
            }
        }));
        System.out.println("JOURNAL_URL=" + url + " JOURNAL_USER=" + postgres.user());
        new CountDownLatch(1).await();
    }
}
