package dev.subpact.broker.data;

import dev.subpact.broker.matrix.Matrix;
import dev.subpact.broker.storage.Database;
import dev.subpact.broker.storage.Repositories;
import dev.subpact.broker.storage.Tx;
import dev.subpact.broker.verification.PactsForVerification;
import java.sql.SQLException;

/**
 * The service the HTTP layer and the dashboard read and write the broker's data through: each
 * request's work runs as one {@link Session} in one transaction, so a page or a HAL resource is
 * built from one consistent view. The storage (SQL, repositories, transactions) stays behind it.
 */
public final class BrokerData {

  /** The work of one request. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Session session);
  }

  private final Database database;
  private final Repositories storage;
  private final Matrix matrix;
  private final PactsForVerification pactsForVerification;

  public BrokerData(Database database, Repositories storage, Matrix matrix, PactsForVerification pactsForVerification) {
    this.database = database;
    this.storage = storage;
    this.matrix = matrix;
    this.pactsForVerification = pactsForVerification;
  }

  /** Runs {@code work} in a read-only transaction. */
  public <T> T read(Work<T> work) {
    return database.read(tx -> inSession(tx, work));
  }

  /** Runs {@code work} in a read-write transaction, committed when it returns. */
  public <T> T write(Work<T> work) {
    return database.write(tx -> inSession(tx, work));
  }

  private <T> T inSession(Tx tx, Work<T> work) throws SQLException {
    try {
      return work.run(new Session(tx, storage, matrix, pactsForVerification));
    } catch (Session.Failure failure) {
      throw failure.sqlException();
    }
  }

  /** Whether the database answers a query; a {@code StorageException} says why not. */
  public boolean databaseAnswers() {
    return database.answers();
  }
}
