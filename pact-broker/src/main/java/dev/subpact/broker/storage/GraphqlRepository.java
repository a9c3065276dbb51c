package dev.subpact.broker.storage;

import static dev.subpact.broker.model.Timestamps.now;
import static dev.subpact.broker.storage.Rows.*;

import dev.subpact.broker.model.Version;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Provider versions' GraphQL schemas and the fields each pact content uses. */
public final class GraphqlRepository {

  public void saveSchema(Tx tx, Version providerVersion, String sdl) throws SQLException {
    tx.update("INSERT INTO graphql_schemas (version_id, sdl, created_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (version_id) DO UPDATE SET sdl = excluded.sdl, created_at = excluded.created_at",
        providerVersion.id(), sdl, now());
  }

  public Optional<String> schema(Tx tx, Version providerVersion) throws SQLException {
    return tx.one("SELECT sdl FROM graphql_schemas WHERE version_id = ?", row -> row.getString(1),
        providerVersion.id());
  }

  /** The newest provider version of {@code provider} that has a schema. */
  public Optional<Version> latestSchemaVersion(Tx tx, String provider) throws SQLException {
    return tx.one("SELECT " + VERSION_COLUMNS + VERSION_FROM
            + "JOIN graphql_schemas s ON s.version_id = v.id WHERE p.name = ? ORDER BY v.id DESC LIMIT 1",
        Rows::version, provider);
  }

  public boolean hasFieldUsages(Tx tx, String sha) throws SQLException {
    return tx.one("SELECT 1 FROM field_usages WHERE pact_sha = ? LIMIT 1", row -> true, sha).isPresent();
  }

  public void addFieldUsage(Tx tx, String sha, String coordinate, String interaction)
      throws SQLException {
    tx.update("INSERT INTO field_usages (pact_sha, coordinate, interaction) VALUES (?, ?, ?)"
        + " ON CONFLICT (pact_sha, coordinate, interaction) DO NOTHING", sha, coordinate, interaction);
  }

  /** Every pact content using the coordinate, with the interactions that use it. */
  public List<String[]> fieldUsages(Tx tx, String coordinate) throws SQLException {
    return tx.list("SELECT pact_sha, interaction FROM field_usages WHERE coordinate = ?"
        + " ORDER BY pact_sha, interaction", row -> new String[] {row.getString(1), row.getString(2)},
        coordinate);
  }
}
