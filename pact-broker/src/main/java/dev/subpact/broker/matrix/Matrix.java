package dev.subpact.broker.matrix;

import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.storage.Repositories;
import dev.subpact.broker.storage.Tx;
import java.sql.SQLException;
import java.util.List;

/**
 * The compatibility matrix and can-i-deploy. Every (consumer version, provider version) pair that
 * the query selects is judged on its own: when several versions of a consumer are deployed in one
 * environment, the provider must have verified the pact of each of them (pact_broker#903 collapsed
 * them to the latest one).
 */
public final class Matrix {

  /** One pact of a consumer version and what one provider version made of it. */
  public record Row(Publication pact, Version providerVersion, Verification verification,
      boolean ignored) {

    public Boolean success() {
      return verification == null ? null : verification.success();
    }
  }

  /** The answer: rows, whether deploying is safe, why, and notices for people. */
  public record Result(List<Row> rows, Boolean deployable, String reason, int success, int failed,
      int unknown, int ignored, List<String> notices) {}

  private final Repositories storage;

  public Matrix(Repositories storage) {
    this.storage = storage;
  }

  public Result evaluate(Tx tx, MatrixQuery query) throws SQLException {
    return new MatrixEvaluation(storage).evaluate(tx, query);
  }
}
