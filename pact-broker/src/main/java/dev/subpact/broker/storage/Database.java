package dev.subpact.broker.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.subpact.broker.error.StorageConflictException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The broker's JDBC database: SQLite (a file, embedded) or PostgreSQL, with a connection pool,
 * schema migrations applied on open, and transactions.
 *
 * <p>SQLite allows one writer at a time; write transactions are therefore serialised in the JVM
 * (instead of retrying on {@code SQLITE_BUSY}), while reads run concurrently thanks to WAL mode.
 */
public final class Database implements AutoCloseable {

  /** The SQL flavour, used by the migrations for the few type names that differ. */
  public enum Dialect {
    SQLITE,
    POSTGRESQL
  }

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Tx tx) throws SQLException;
  }

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final ReentrantLock sqliteWriter = new ReentrantLock(true);

  private Database(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  /**
   * Opens {@code sqlite:PATH} or {@code postgresql://user:password@host:port/db} (also
   * {@code jdbc:postgresql://…?user=…}) and migrates it to the newest schema.
   */
  public static Database open(String location) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("subpact-broker");
    Dialect dialect;
    if (location.startsWith("sqlite:")) {
      Path file = Path.of(location.substring("sqlite:".length())).toAbsolutePath();
      try {
        Files.createDirectories(file.getParent());
      } catch (java.io.IOException e) {
        throw new StorageException("Cannot create the directory of the SQLite database " + file
            + ": " + e.getMessage() + ". Choose a writable path for the SQLite database.", e);
      }
      config.setJdbcUrl("jdbc:sqlite:" + file);
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "FULL");
      config.addDataSourceProperty("busy_timeout", "30000");
      config.addDataSourceProperty("foreign_keys", "true");
      config.setMaximumPoolSize(4);
      dialect = Dialect.SQLITE;
    } else if (location.startsWith("postgresql://") || location.startsWith("postgres://")
        || location.startsWith("jdbc:postgresql:")) {
      configurePostgres(config, location);
      config.setMaximumPoolSize(10);
      dialect = Dialect.POSTGRESQL;
    } else {
      throw new StorageException("Unsupported database '" + location
          + "': use sqlite:PATH (for example sqlite:broker.db) or postgresql://USER:PASSWORD@HOST:PORT/DB.");
    }
    config.setAutoCommit(true);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StorageException("Cannot connect to the database " + redact(location) + ": "
          + rootMessage(e) + ". Check that it is running and that the credentials are right.", e);
    }
    Database database = new Database(pool, dialect);
    try {
      Migrations.apply(database);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return database;
  }

  private static void configurePostgres(HikariConfig config, String location) {
    if (location.startsWith("jdbc:")) {
      config.setJdbcUrl(location);
      return;
    }
    URI uri = URI.create(location);
    String userInfo = uri.getRawUserInfo();
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    config.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
    if (userInfo != null) {
      String[] parts = userInfo.split(":", 2);
      config.setUsername(java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8));
      if (parts.length == 2) {
        config.setPassword(java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  private static String redact(String location) {
    return location.replaceAll("://([^:@/]+):[^@/]*@", "://$1:***@");
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} in a read-write transaction, committed when it returns. */
  public <T> T write(Work<T> work) {
    if (dialect == Dialect.SQLITE) {
      sqliteWriter.lock();
      try {
        return transaction(work);
      } finally {
        sqliteWriter.unlock();
      }
    }
    return transaction(work);
  }

  /** Whether the database answers {@code SELECT 1}; a {@link StorageException} says why not. */
  public boolean answers() {
    return read(tx -> tx.one("SELECT 1", row -> row.getInt(1) == 1).orElse(false));
  }

  /** Runs {@code work} in a read-only transaction. */
  public <T> T read(Work<T> work) {
    return transaction(work);
  }

  /**
   * All or nothing: whatever {@code work} fails with — an exception or an {@link Error} such as a
   * {@code StackOverflowError} — is rolled back before the connection goes back to the pool (where
   * {@code setAutoCommit(true)} would otherwise commit the half-done work).
   */
  private <T> T transaction(Work<T> work) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      T result;
      try {
        result = work.run(new Tx(connection));
        connection.commit();
      } catch (Throwable failure) {
        try {
          connection.rollback();
        } catch (SQLException | RuntimeException rollback) {
          failure.addSuppressed(rollback);
        }
        throw failure;
      }
      connection.setAutoCommit(true);
      return result;
    } catch (SQLException e) {
      if (isConstraintViolation(e)) {
        throw new StorageConflictException("The change conflicts with existing data: " + e.getMessage(), e);
      }
      throw new StorageException("Database operation failed: " + e.getMessage(), e);
    }
  }

  private static boolean isConstraintViolation(SQLException e) {
    String state = e.getSQLState();
    return (state != null && state.startsWith("23"))
        || (e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT"));
  }

  @Override
  public void close() {
    pool.close();
  }
}
