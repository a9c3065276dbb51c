package dev.subpact.broker.storage;

import static dev.subpact.broker.model.Timestamps.now;

import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.Version;
import java.sql.SQLException;
import java.util.List;

/** The tags of versions and the branches pacticipants' versions are on. */
public final class BranchTagRepository {

  /** Adds a tag; returns false when the version already had it. */
  public boolean tag(Tx tx, Version version, String tag) throws SQLException {
    Names.check("tag", tag);
    return tx.update("INSERT INTO tags (version_id, name, created_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (version_id, name) DO NOTHING", version.id(), tag, now()) == 1;
  }

  public boolean deleteTag(Tx tx, Version version, String tag) throws SQLException {
    return tx.update("DELETE FROM tags WHERE version_id = ? AND name = ?", version.id(), tag) == 1;
  }

  public List<String> tags(Tx tx, Version version) throws SQLException {
    return tx.list("SELECT name FROM tags WHERE version_id = ? ORDER BY created_at, name",
        row -> row.getString(1), version.id());
  }

  /** The branch names taken as a pacticipant's main branch when none is set (the official broker's defaults). */
  static final List<String> MAIN_BRANCH_CANDIDATES = List.of("develop", "main", "master");

  /**
   * Puts the version on the branch; returns false when it already was. Like the official broker
   * (auto_detect_main_branch), the first of develop, main or master a pacticipant's versions land
   * on becomes its main branch when it has none, so {@code mainBranch} selectors work without setup.
   */
  public boolean addToBranch(Tx tx, Version version, String branch) throws SQLException {
    Names.check("branch", branch);
    boolean added = tx.update("INSERT INTO branch_versions (pacticipant_id, branch, version_id, created_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (pacticipant_id, branch, version_id) DO NOTHING",
        version.pacticipantId(), branch, version.id(), now()) == 1;
    if (added && MAIN_BRANCH_CANDIDATES.contains(branch)) {
      tx.update("UPDATE pacticipants SET main_branch = ?, updated_at = ? WHERE id = ? AND main_branch IS NULL",
          branch, now(), version.pacticipantId());
    }
    return added;
  }

  public List<String> branchesOf(Tx tx, Version version) throws SQLException {
    return tx.list("SELECT branch FROM branch_versions WHERE version_id = ? ORDER BY created_at, branch",
        row -> row.getString(1), version.id());
  }

  public List<String> branches(Tx tx, Pacticipant pacticipant) throws SQLException {
    return tx.list("SELECT branch FROM branch_versions WHERE pacticipant_id = ?"
        + " GROUP BY branch ORDER BY MAX(version_id) DESC", row -> row.getString(1), pacticipant.id());
  }

  public boolean deleteBranch(Tx tx, Pacticipant pacticipant, String branch) throws SQLException {
    return tx.update("DELETE FROM branch_versions WHERE pacticipant_id = ? AND branch = ?",
        pacticipant.id(), branch) > 0;
  }
}
