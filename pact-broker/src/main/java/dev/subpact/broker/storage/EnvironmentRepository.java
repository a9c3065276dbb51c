package dev.subpact.broker.storage;

import static dev.subpact.broker.model.Timestamps.now;
import static dev.subpact.broker.storage.Rows.*;

import dev.subpact.broker.model.Deployment;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Version;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Environments, and the versions deployed or released to them. */
public final class EnvironmentRepository {

  public Environment createEnvironment(Tx tx, String uuid, String name, String displayName,
      boolean production, String contacts) throws SQLException {
    Names.check("environment name", name);
    Names.check("environment display name", displayName);
    tx.update("INSERT INTO environments (uuid, name, display_name, production, contacts, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", uuid, name, displayName, production ? 1 : 0, contacts, now());
    return environment(tx, uuid).orElseThrow();
  }

  public Environment updateEnvironment(Tx tx, String uuid, String name, String displayName,
      boolean production, String contacts) throws SQLException {
    Names.check("environment name", name);
    Names.check("environment display name", displayName);
    tx.update("UPDATE environments SET name = ?, display_name = ?, production = ?, contacts = ?"
        + " WHERE uuid = ?", name, displayName, production ? 1 : 0, contacts, uuid);
    return environment(tx, uuid).orElseThrow();
  }

  public Optional<Environment> environment(Tx tx, String uuid) throws SQLException {
    return tx.one("SELECT uuid, name, display_name, production, contacts, created_at FROM environments"
        + " WHERE uuid = ?", row -> Rows.environment(row, 1), uuid);
  }

  public Optional<Environment> environmentNamed(Tx tx, String name) throws SQLException {
    return tx.one("SELECT uuid, name, display_name, production, contacts, created_at FROM environments"
        + " WHERE name = ?", row -> Rows.environment(row, 1), name);
  }

  public List<Environment> environments(Tx tx) throws SQLException {
    return tx.list("SELECT uuid, name, display_name, production, contacts, created_at FROM environments"
        + " ORDER BY name", row -> Rows.environment(row, 1));
  }

  public boolean deleteEnvironment(Tx tx, String uuid) throws SQLException {
    tx.update("DELETE FROM deployed_versions WHERE environment_uuid = ?", uuid);
    tx.update("DELETE FROM released_versions WHERE environment_uuid = ?", uuid);
    return tx.update("DELETE FROM environments WHERE uuid = ?", uuid) == 1;
  }

  /**
   * Records a deployment. A previous deployment of the same pacticipant to the same environment and
   * application instance is marked as no longer deployed (it was replaced).
   */
  public Deployment recordDeployment(Tx tx, Version version, Environment environment,
      String applicationInstance) throws SQLException {
    String now = now();
    tx.update("UPDATE deployed_versions SET currently_deployed = 0, undeployed_at = ?"
            + " WHERE environment_uuid = ? AND currently_deployed = 1"
            + " AND version_id IN (SELECT id FROM versions WHERE pacticipant_id = ?)"
            + " AND COALESCE(application_instance, '') = ?",
        now, environment.uuid(), version.pacticipantId(),
        applicationInstance == null ? "" : applicationInstance);
    String uuid = UUID.randomUUID().toString();
    tx.update("INSERT INTO deployed_versions (uuid, version_id, environment_uuid, application_instance,"
            + " currently_deployed, created_at) VALUES (?, ?, ?, ?, 1, ?)",
        uuid, version.id(), environment.uuid(), applicationInstance, now);
    return deployment(tx, uuid).orElseThrow();
  }

  /** Deployed (or, below, released) versions with their version, pacticipant and environment. */
  private static final String DEPLOYED_FROM = "SELECT " + DEPLOYMENT_COLUMNS + ", d.uuid, d.application_instance,"
      + " d.currently_deployed, d.created_at, d.undeployed_at" + VERSION_FROM
      + "JOIN deployed_versions d ON d.version_id = v.id"
      + " JOIN environments e ON e.uuid = d.environment_uuid";

  private static final String RELEASED_FROM = "SELECT " + DEPLOYMENT_COLUMNS + ", d.uuid, NULL, d.currently_supported,"
      + " d.created_at, d.support_ended_at" + VERSION_FROM
      + "JOIN released_versions d ON d.version_id = v.id"
      + " JOIN environments e ON e.uuid = d.environment_uuid";

  public Optional<Deployment> deployment(Tx tx, String uuid) throws SQLException {
    return tx.one(DEPLOYED_FROM + " WHERE d.uuid = ?",
        Rows::deployment, uuid);
  }

  public void undeploy(Tx tx, String uuid) throws SQLException {
    tx.update("UPDATE deployed_versions SET currently_deployed = 0, undeployed_at = ?"
        + " WHERE uuid = ? AND currently_deployed = 1", now(), uuid);
  }

  /** Currently deployed versions in an environment, optionally of one pacticipant. */
  public List<Deployment> currentDeployments(Tx tx, String environmentUuid, String pacticipant)
      throws SQLException {
    return tx.list(DEPLOYED_FROM
            + " WHERE d.environment_uuid = ? AND d.currently_deployed = 1 AND (CAST(? AS TEXT) IS NULL OR p.name = ?)"
            + " ORDER BY d.created_at, d.uuid",
        Rows::deployment, environmentUuid, pacticipant, pacticipant);
  }

  public Deployment recordRelease(Tx tx, Version version, Environment environment)
      throws SQLException {
    tx.update("INSERT INTO released_versions (uuid, version_id, environment_uuid, currently_supported,"
            + " created_at) VALUES (?, ?, ?, 1, ?) ON CONFLICT (version_id, environment_uuid)"
            + " DO UPDATE SET currently_supported = 1, support_ended_at = NULL",
        UUID.randomUUID().toString(), version.id(), environment.uuid(), now());
    String uuid = tx.one("SELECT uuid FROM released_versions WHERE version_id = ? AND environment_uuid = ?",
        row -> row.getString(1), version.id(), environment.uuid()).orElseThrow();
    return release(tx, uuid).orElseThrow();
  }

  public Optional<Deployment> release(Tx tx, String uuid) throws SQLException {
    return tx.one(RELEASED_FROM + " WHERE d.uuid = ?",
        Rows::deployment, uuid);
  }

  public void endSupport(Tx tx, String uuid) throws SQLException {
    tx.update("UPDATE released_versions SET currently_supported = 0, support_ended_at = ?"
        + " WHERE uuid = ? AND currently_supported = 1", now(), uuid);
  }

  public List<Deployment> currentReleases(Tx tx, String environmentUuid, String pacticipant)
      throws SQLException {
    return tx.list(RELEASED_FROM
            + " WHERE d.environment_uuid = ? AND d.currently_supported = 1 AND (CAST(? AS TEXT) IS NULL OR p.name = ?)"
            + " ORDER BY d.created_at, d.uuid",
        Rows::deployment, environmentUuid, pacticipant, pacticipant);
  }

  /** Deployments and releases (current ones) of one version, in every environment. */
  public List<Deployment> currentPlacesOf(Tx tx, Version version) throws SQLException {
    List<Deployment> result = new ArrayList<>(tx.list("SELECT " + DEPLOYMENT_COLUMNS
            + ", d.uuid, d.application_instance, d.currently_deployed, d.created_at, d.undeployed_at"
            + VERSION_FROM + "JOIN deployed_versions d ON d.version_id = v.id"
            + " JOIN environments e ON e.uuid = d.environment_uuid"
            + " WHERE v.id = ? AND d.currently_deployed = 1 ORDER BY e.name",
        Rows::deployment, version.id()));
    result.addAll(tx.list("SELECT " + DEPLOYMENT_COLUMNS
            + ", d.uuid, NULL, d.currently_supported, d.created_at, d.support_ended_at"
            + VERSION_FROM + "JOIN released_versions d ON d.version_id = v.id"
            + " JOIN environments e ON e.uuid = d.environment_uuid"
            + " WHERE v.id = ? AND d.currently_supported = 1 ORDER BY e.name",
        Rows::deployment, version.id()));
    return result;
  }
}
