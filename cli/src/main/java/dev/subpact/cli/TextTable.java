package dev.subpact.cli;

import java.util.ArrayList;
import java.util.List;

/** Rows under a header, each column as wide as its widest cell ({@code -o table}). */
final class TextTable {

  private TextTable() {}

  static String render(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == 0 ? "" : "  ").append(row.get(i)).append(" ".repeat(widths[i] - row.get(i).length()));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
