package dev.subpact.broker.storage;

import dev.subpact.broker.error.InvalidNameException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One open transaction with small helpers for parameterised SQL (never string-built values). */
public final class Tx {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final Connection connection;

  Tx(Connection connection) {
    this.connection = connection;
  }

  /** The transaction's connection, for the storage layer's bulk path ({@link BulkInsert}). */
  Connection connection() {
    return connection;
  }

  public int update(String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(sql, args)) {
      return statement.executeUpdate();
    }
  }

  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(sql, args);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
    List<T> rows = list(sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public long insertReturningId(String sql, Object... args) throws SQLException {
    return one(sql + " RETURNING id", row -> row.getLong(1), args)
        .orElseThrow(() -> new SQLException("INSERT returned no id: " + sql));
  }

  public void execute(String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof String text && text.indexOf('\u0000') >= 0) {
        statement.close();
        // PostgreSQL refuses NUL in text and SQLite would store what no URL can carry: one answer on both engines
        throw new InvalidNameException("'" + text.replace('\u0000', '?') + "' holds a NUL character, which the broker"
            + " neither stores nor looks up; remove it.");
      }
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }
}
