package dev.subpact.broker.dashboard;

import dev.subpact.broker.error.BrokerException;
import dev.subpact.broker.matrix.Matrix;
import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.storage.Database;
import dev.subpact.broker.storage.Repositories;
import dev.subpact.broker.storage.Tx;
import java.sql.SQLException;

/** What the dashboard's pages read from: the database, its repositories and the matrix. */
record DashboardData(Database database, Repositories storage, Matrix matrix) {

  Pacticipant pacticipantOr404(Tx tx, String name) throws SQLException {
    return storage.pacticipants().pacticipant(tx, name)
        .orElseThrow(() -> BrokerException.notFound("No pacticipant named '" + name + "'."));
  }

  Version versionOr404(Tx tx, String pacticipant, String number) throws SQLException {
    return storage.pacticipants().version(tx, pacticipant, number).orElseThrow(() -> BrokerException.notFound(
        "No version '" + number + "' of pacticipant '" + pacticipant + "'."));
  }
}
