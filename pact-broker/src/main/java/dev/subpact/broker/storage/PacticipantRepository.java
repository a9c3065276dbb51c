package dev.subpact.broker.storage;

import static dev.subpact.broker.model.Timestamps.now;
import static dev.subpact.broker.storage.Rows.*;

import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.Version;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Pacticipants and their versions (looked up by number, tag or branch). */
public final class PacticipantRepository {

  public Optional<Pacticipant> pacticipant(Tx tx, String name) throws SQLException {
    return tx.one("SELECT id, name, display_name, repository_url, main_branch, created_at, updated_at"
        + " FROM pacticipants WHERE name = ?", Rows::pacticipant, name);
  }

  public List<Pacticipant> pacticipants(Tx tx) throws SQLException {
    return tx.list("SELECT id, name, display_name, repository_url, main_branch, created_at, updated_at"
        + " FROM pacticipants ORDER BY name", Rows::pacticipant);
  }

  /** Returns the pacticipant, creating it when missing (safe under concurrent callers). */
  public Pacticipant ensurePacticipant(Tx tx, String name) throws SQLException {
    Names.check("pacticipant name", name);
    String now = now();
    tx.update("INSERT INTO pacticipants (name, created_at, updated_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (name) DO NOTHING", name, now, now);
    return pacticipant(tx, name).orElseThrow();
  }

  public Pacticipant updatePacticipant(Tx tx, String name, String displayName,
      String repositoryUrl, String mainBranch) throws SQLException {
    Names.check("display name", displayName);
    Names.check("main branch", mainBranch);
    Pacticipant existing = ensurePacticipant(tx, name);
    tx.update("UPDATE pacticipants SET display_name = ?, repository_url = ?, main_branch = ?,"
            + " updated_at = ? WHERE id = ?",
        displayName == null ? existing.displayName() : displayName,
        repositoryUrl == null ? existing.repositoryUrl() : repositoryUrl,
        mainBranch == null ? existing.mainBranch() : mainBranch, now(), existing.id());
    return pacticipant(tx, name).orElseThrow();
  }

  public void deletePacticipant(Tx tx, Pacticipant pacticipant) throws SQLException {
    long id = pacticipant.id();
    String versions = "(SELECT id FROM versions WHERE pacticipant_id = ?)";
    tx.update("DELETE FROM tags WHERE version_id IN " + versions, id);
    tx.update("DELETE FROM branch_versions WHERE pacticipant_id = ?", id);
    tx.update("DELETE FROM deployed_versions WHERE version_id IN " + versions, id);
    tx.update("DELETE FROM released_versions WHERE version_id IN " + versions, id);
    tx.update("DELETE FROM verifications WHERE provider_version_id IN " + versions, id);
    tx.update("DELETE FROM graphql_schemas WHERE version_id IN " + versions, id);
    tx.update("DELETE FROM pact_publications WHERE provider_id = ? OR consumer_id = ?", id, id);
    tx.update("DELETE FROM versions WHERE pacticipant_id = ?", id);
    tx.update("DELETE FROM pacticipants WHERE id = ?", id);
  }

  public Optional<Version> version(Tx tx, String pacticipant, String number) throws SQLException {
    return tx.one("SELECT " + VERSION_COLUMNS + VERSION_FROM + "WHERE p.name = ? AND v.number = ?",
        Rows::version, pacticipant, number);
  }

  public Version ensureVersion(Tx tx, String pacticipant, String number, String buildUrl)
      throws SQLException {
    Names.check("version number", number);
    Pacticipant owner = ensurePacticipant(tx, pacticipant);
    tx.update("INSERT INTO versions (pacticipant_id, number, build_url, created_at) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (pacticipant_id, number) DO NOTHING", owner.id(), number, buildUrl, now());
    if (buildUrl != null) {
      tx.update("UPDATE versions SET build_url = ? WHERE pacticipant_id = ? AND number = ?",
          buildUrl, owner.id(), number);
    }
    return version(tx, pacticipant, number).orElseThrow();
  }

  public List<Version> versions(Tx tx, String pacticipant) throws SQLException {
    return tx.list("SELECT " + VERSION_COLUMNS + VERSION_FROM + "WHERE p.name = ? ORDER BY v.id DESC",
        Rows::version, pacticipant);
  }

  public Optional<Version> latestVersion(Tx tx, String pacticipant) throws SQLException {
    return tx.one("SELECT " + VERSION_COLUMNS + VERSION_FROM
        + "WHERE p.name = ? ORDER BY v.id DESC LIMIT 1", Rows::version, pacticipant);
  }

  public Optional<Version> latestVersionWithTag(Tx tx, String pacticipant, String tag)
      throws SQLException {
    return tx.one("SELECT " + VERSION_COLUMNS + VERSION_FROM
            + "JOIN tags t ON t.version_id = v.id WHERE p.name = ? AND t.name = ? ORDER BY v.id DESC LIMIT 1",
        Rows::version, pacticipant, tag);
  }

  public List<Version> versionsWithTag(Tx tx, String pacticipant, String tag) throws SQLException {
    return tx.list("SELECT " + VERSION_COLUMNS + VERSION_FROM
            + "JOIN tags t ON t.version_id = v.id WHERE p.name = ? AND t.name = ? ORDER BY v.id DESC",
        Rows::version, pacticipant, tag);
  }

  public Optional<Version> latestVersionOnBranch(Tx tx, String pacticipant, String branch)
      throws SQLException {
    return tx.one("SELECT " + VERSION_COLUMNS + VERSION_FROM
            + "JOIN branch_versions b ON b.version_id = v.id WHERE p.name = ? AND b.branch = ?"
            + " ORDER BY v.id DESC LIMIT 1",
        Rows::version, pacticipant, branch);
  }

  public List<Version> versionsOnBranch(Tx tx, String pacticipant, String branch)
      throws SQLException {
    return tx.list("SELECT " + VERSION_COLUMNS + VERSION_FROM
            + "JOIN branch_versions b ON b.version_id = v.id WHERE p.name = ? AND b.branch = ?"
            + " ORDER BY v.id DESC",
        Rows::version, pacticipant, branch);
  }
}
