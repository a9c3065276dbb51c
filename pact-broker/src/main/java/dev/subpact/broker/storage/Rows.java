package dev.subpact.broker.storage;

import dev.subpact.broker.model.Deployment;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.model.Webhook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The column lists and row mappings the repositories share. */
final class Rows {

  private Rows() {}

  static final String VERSION_COLUMNS =
      "v.id, v.pacticipant_id, p.name, v.number, v.build_url, v.created_at";
  static final String VERSION_FROM =
      " FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id ";
  static final String PUBLICATION_SELECT = "SELECT " + VERSION_COLUMNS
      + ", pp.id, pp.provider_id, pr.name, pp.pact_sha, pp.created_at"
      + " FROM pact_publications pp JOIN versions v ON v.id = pp.consumer_version_id"
      + " JOIN pacticipants p ON p.id = v.pacticipant_id"
      + " JOIN pacticipants pr ON pr.id = pp.provider_id ";
  static final String VERIFICATION_SELECT = "SELECT " + VERSION_COLUMNS
      + ", vr.id, vr.pact_sha, vr.success, vr.kind, vr.build_url, vr.test_results, vr.created_at"
      + " FROM verifications vr JOIN versions v ON v.id = vr.provider_version_id"
      + " JOIN pacticipants p ON p.id = v.pacticipant_id ";
  static final String DEPLOYMENT_COLUMNS = VERSION_COLUMNS
      + ", e.uuid, e.name, e.display_name, e.production, e.contacts, e.created_at";

  static final String PROVIDER_ID = "(SELECT id FROM pacticipants WHERE name = ?)";

  static Pacticipant pacticipant(ResultSet row) throws SQLException {
    return new Pacticipant(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
        row.getString(5), row.getString(6), row.getString(7));
  }

  static Version version(ResultSet row) throws SQLException {
    return version(row, 1);
  }

  static Version version(ResultSet row, int at) throws SQLException {
    return new Version(row.getLong(at), row.getLong(at + 1), row.getString(at + 2),
        row.getString(at + 3), row.getString(at + 4), row.getString(at + 5));
  }

  static Publication publication(ResultSet row) throws SQLException {
    return new Publication(row.getLong(7), version(row, 1), row.getLong(8), row.getString(9),
        row.getString(10), row.getString(11));
  }

  static Verification verification(ResultSet row) throws SQLException {
    return verification(row, 1);
  }

  /** A verification whose provider version's columns start at {@code at}, followed by its own. */
  static Verification verification(ResultSet row, int at) throws SQLException {
    return new Verification(row.getLong(at + 6), row.getString(at + 7), version(row, at), row.getInt(at + 8) == 1,
        row.getString(at + 9), row.getString(at + 10), row.getString(at + 11), row.getString(at + 12));
  }

  static Environment environment(ResultSet row, int at) throws SQLException {
    return new Environment(row.getString(at), row.getString(at + 1), row.getString(at + 2),
        row.getInt(at + 3) == 1, row.getString(at + 4), row.getString(at + 5));
  }

  static Deployment deployment(ResultSet row) throws SQLException {
    return new Deployment(row.getString(13), version(row, 1), environment(row, 7),
        row.getString(14), row.getInt(15) == 1, row.getString(16), row.getString(17));
  }

  static Webhook webhook(ResultSet row) throws SQLException {
    String events = row.getString(7);
    return new Webhook(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
        row.getString(5), row.getString(6),
        events.isEmpty() ? List.of() : List.of(events.split(",")), row.getString(8),
        row.getInt(9) == 1, row.getString(10), row.getString(11));
  }
}
