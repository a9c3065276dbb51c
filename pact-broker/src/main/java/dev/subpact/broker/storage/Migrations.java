package dev.subpact.broker.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Versioned schema migrations: plain SQL files applied in order, each recorded in
 * {@code schema_migrations}. {@code ${id}} in a file becomes the dialect's auto-increment key.
 */
final class Migrations {

  /** The migration files, oldest first; append new ones, never edit applied ones. */
  static final List<String> FILES = List.of("V1__broker.sql", "V2__graphql.sql", "V3__lookup_indexes.sql",
      "V4__webhook_queue.sql", "V5__scale_indexes.sql");

  /** The PostgreSQL advisory lock key that serialises migrations across replicas starting together. */
  private static final long MIGRATION_LOCK = 0x5375627061637401L;

  private Migrations() {}

  static void apply(Database database) {
    database.write(tx -> {
      if (database.dialect() == Database.Dialect.POSTGRESQL) {
        // Replicas starting at the same moment on an empty database: one migrates, the others wait
        // here (released at commit), then find every migration applied. Even CREATE TABLE IF NOT
        // EXISTS races without it.
        tx.one("SELECT pg_advisory_xact_lock(?)", row -> true, MIGRATION_LOCK);
      }
      tx.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
          + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
      refuseNewerSchema(tx);
      for (int i = 0; i < FILES.size(); i++) {
        int version = i + 1;
        boolean applied = tx.one("SELECT 1 FROM schema_migrations WHERE version = ?",
            row -> true, version).isPresent();
        if (applied) {
          continue;
        }
        for (String statement : statements(FILES.get(i), database.dialect())) {
          tx.execute(statement);
        }
        tx.update("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            version, FILES.get(i), Instant.now().toString());
      }
      return null;
    });
  }

  /**
   * A replica older than the database's schema would misread what newer replicas write: it refuses
   * to start instead.
   */
  private static void refuseNewerSchema(Tx tx) throws java.sql.SQLException {
    record Applied(int version, String name) {}
    var newest = tx.one("SELECT version, name FROM schema_migrations ORDER BY version DESC LIMIT 1",
        row -> new Applied(row.getInt(1), row.getString(2)));
    int known = FILES.size();
    if (newest.isPresent() && newest.get().version() > known) {
      throw new StorageException("The database's schema is at migration " + newest.get().version() + " ("
          + newest.get().name() + "), newer than this broker knows (up to " + known + ", " + FILES.get(known - 1)
          + "): a newer subpact broker migrated it. Run that version or newer on every replica;"
          + " an older broker never starts on a newer schema.");
    }
  }

  private static List<String> statements(String file, Database.Dialect dialect) {
    String resource = "/dev/subpact/broker/migrations/" + file;
    try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new StorageException("Migration " + resource + " is missing from the classpath.");
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${id}", dialect == Database.Dialect.SQLITE
              ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY");
      return java.util.Arrays.stream(sql.split(";\\s*\\n"))
          .map(s -> s.replaceAll("(?m)^--.*$", "").trim())
          .filter(s -> !s.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new StorageException("Cannot read migration " + resource + ": " + e.getMessage(), e);
    }
  }
}
