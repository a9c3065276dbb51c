package dev.subpact.broker.storage;

import java.io.IOException;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Appends many rows to one table inside a caller's transaction: {@code COPY … FROM STDIN} through
 * pgjdbc's {@code CopyManager} on PostgreSQL, JDBC batches of multi-row work on SQLite. For loading
 * data sets (benchmarks, imports), where one {@code INSERT} per row takes hours at a million rows.
 */
public final class BulkInsert {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]+");
  private static final int CHUNK = 50_000;

  private BulkInsert() {}

  /**
   * Inserts {@code rows} (each one value per column, {@code null} for NULL) into {@code table};
   * returns how many were inserted.
   */
  public static long into(Tx tx, String table, List<String> columns, Iterator<Object[]> rows)
      throws SQLException {
    if (!IDENTIFIER.matcher(table).matches() || !columns.stream().allMatch(c -> IDENTIFIER.matcher(c).matches())) {
      throw new IllegalArgumentException("A bulk insert names a table and columns in lower case and underscores,"
          + " got " + table + " " + columns + ".");
    }
    String names = table + " (" + String.join(", ", columns) + ")";
    PGConnection postgres = tx.connection().isWrapperFor(PGConnection.class)
        ? tx.connection().unwrap(PGConnection.class) : null;
    return postgres == null ? batched(tx, names, columns.size(), rows) : copied(postgres, names, columns.size(), rows);
  }

  private static long copied(PGConnection postgres, String names, int width, Iterator<Object[]> rows)
      throws SQLException {
    String copy = "COPY " + names + " FROM STDIN WITH (FORMAT csv)";
    long count = 0;
    StringBuilder chunk = new StringBuilder();
    int inChunk = 0;
    try {
      while (rows.hasNext()) {
        Object[] row = width(rows.next(), width);
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            chunk.append(',');
          }
          if (row[i] != null) {
            chunk.append('"').append(row[i].toString().replace("\"", "\"\"")).append('"');
          }
        }
        chunk.append('\n');
        count++;
        if (++inChunk == CHUNK) {
          postgres.getCopyAPI().copyIn(copy, new StringReader(chunk.toString()));
          chunk.setLength(0);
          inChunk = 0;
        }
      }
      if (inChunk > 0) {
        postgres.getCopyAPI().copyIn(copy, new StringReader(chunk.toString()));
      }
    } catch (IOException e) {
      throw new SQLException("COPY into " + names + " failed: " + e.getMessage(), e);
    }
    return count;
  }

  private static long batched(Tx tx, String names, int width, Iterator<Object[]> rows) throws SQLException {
    String insert = "INSERT INTO " + names + " VALUES (" + String.join(", ", Collections.nCopies(width, "?")) + ")";
    long count = 0;
    try (PreparedStatement statement = tx.connection().prepareStatement(insert)) {
      while (rows.hasNext()) {
        Object[] row = width(rows.next(), width);
        for (int i = 0; i < row.length; i++) {
          statement.setObject(i + 1, row[i]);
        }
        statement.addBatch();
        if (++count % CHUNK == 0) {
          statement.executeBatch();
        }
      }
      statement.executeBatch();
    }
    return count;
  }

  private static Object[] width(Object[] row, int width) {
    if (row.length != width) {
      throw new IllegalArgumentException("A bulk row has " + row.length + " values for " + width + " columns.");
    }
    return row;
  }
}
