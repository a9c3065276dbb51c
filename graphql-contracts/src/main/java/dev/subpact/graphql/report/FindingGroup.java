package dev.subpact.graphql.report;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.check.Severity;
import dev.subpact.graphql.operation.SchemaCoordinate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings of one interaction that say the same thing about several fields of one type, told once:
 * "8 fields of Message renamed message_* → msg_*" with one table and one fix
 * pattern, instead of eight near-identical messages and snippets. A finding that shares nothing is
 * a group of its own.
 *
 * <p>Findings group when they have the same severity and kind, each names a field (not an argument)
 * of the same type, and either none has a fix or suggestion (deprecations) or every one is a rename
 * with the same pattern (the old names share one stem, the new names another, e.g.
 * {@code message_id → msg_id} and {@code message_type → msg_type}).
 *
 * @param findings the findings told together, in the report's order (at least one)
 * @param title what they have in common, in one sentence (a single finding's own message)
 * @param fix the fix for all of them (for a rename group: a table of old name, new name and type,
 *     then the first row's fix as the pattern), or {@code null}
 */
public record FindingGroup(List<Finding> findings, String title, String fix) {

  public FindingGroup {
    findings = List.copyOf(findings);
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("a group holds at least one finding");
    }
  }

  /** The first finding: its kind, severity and location stand for the group's. */
  public Finding first() {
    return findings.get(0);
  }

  /** The findings of one interaction, grouped, in the order of each group's first finding. */
  public static List<FindingGroup> of(List<Finding> findings) {
    Map<Key, List<Finding>> byKey = new LinkedHashMap<>();
    int single = 0;
    for (Finding finding : findings) {
      Key key = Key.of(finding);
      byKey.computeIfAbsent(key != null ? key : new Key(null, null, "#" + single++, null, null), k -> new ArrayList<>()).add(finding);
    }
    List<FindingGroup> groups = new ArrayList<>();
    byKey.forEach((key, members) -> groups.add(members.size() == 1 ? alone(members.get(0)) : together(key, members)));
    return groups;
  }

  private static FindingGroup alone(Finding finding) {
    return new FindingGroup(List.of(finding), finding.message(), finding.fix());
  }

  private static FindingGroup together(Key key, List<Finding> members) {
    List<String> names = members.stream().map(f -> f.coordinate().fieldName()).toList();
    String what = members.size() + " " + (key.kind() == FindingKind.DEPRECATED_USAGE ? "deprecated fields" : "fields") + " of " + key.typeName();
    if (key.oldStem() == null) {
      String kind = key.kind() == FindingKind.DEPRECATED_USAGE ? " still used" : " (" + kindInWords(key.kind()) + ")";
      return new FindingGroup(members, what + kind + ": " + String.join(", ", names), null);
    }
    String pattern = key.oldStem() + "* → " + key.newStem() + "*";
    String title = what + " renamed " + pattern + ": " + String.join(", ", names);
    return new FindingGroup(members, title, renameFix(key, members, pattern));
  }

  /** The table of the group's renames, then the first one's fix (its first line is the pattern's reason). */
  private static String renameFix(Key key, List<Finding> members, String pattern) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"old name", "new name", "type"});
    for (Finding f : members) {
      rows.add(new String[] {f.coordinate().fieldName(), f.suggestion(), sdlType(f)});
    }
    int oldWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 2;
    int newWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0) + 2;
    StringBuilder fix = new StringBuilder()
        .append("keep each old name on ").append(key.typeName()).append(" as a deprecated alias of its new name (")
        .append(pattern).append("), so clients that still query the old names keep working:\n");
    for (String[] row : rows) {
      fix.append(("  " + pad(row[0], oldWidth) + pad(row[1], newWidth) + row[2]).stripTrailing()).append('\n');
    }
    String[] example = members.get(0).fix().split("\n", 2);
    fix.append("for each row, as for the first (").append(members.get(0).coordinate().fieldName()).append("):");
    if (example.length > 1) {
      example[1].lines().forEach(l -> fix.append("\n  ").append(l));
    }
    return fix.toString();
  }

  /**
   * The field's type as the fix's SDL line gives it ({@code message_id: String! @deprecated(…)}),
   * or "" when the fix has no such line.
   */
  private static String sdlType(Finding finding) {
    String prefix = "  " + finding.coordinate().fieldName() + ": ";
    for (String line : finding.fix().split("\n")) {
      int end = line.indexOf(" @deprecated");
      if (line.startsWith(prefix) && end > prefix.length()) {
        return line.substring(prefix.length(), end);
      }
    }
    return "";
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }

  private static String kindInWords(FindingKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /**
   * What groups findings: severity, kind and type, and for renames the old and new stems;
   * {@code null} for a finding that groups with nothing.
   */
  private record Key(Severity severity, FindingKind kind, String typeName, String oldStem, String newStem) {

    static Key of(Finding finding) {
      SchemaCoordinate c = finding.coordinate();
      if (c == null || c.fieldName() == null || c.argumentName() != null || finding.path() != null) {
        return null;
      }
      if (finding.suggestion() == null) {
        // nothing of its own to tell but the field (a deprecation): groups by kind and type, unless it has a fix
        return finding.fix() == null ? new Key(finding.severity(), finding.kind(), c.typeName(), null, null) : null;
      }
      if (finding.fix() == null) {
        return null; // its message has suggestions of its own: told alone
      }
      String old = c.fieldName();
      String renamed = finding.suggestion();
      int suffix = 0;
      while (suffix < old.length() && suffix < renamed.length()
          && old.charAt(old.length() - 1 - suffix) == renamed.charAt(renamed.length() - 1 - suffix)) {
        suffix++;
      }
      // the shared tail starts at a word boundary, so that the stems read as prefixes (message_* → msg_*)
      while (suffix > 0 && old.charAt(old.length() - suffix) != '_') {
        suffix--;
      }
      if (suffix == 0 || suffix == old.length() || suffix == renamed.length()) {
        return null;
      }
      return new Key(finding.severity(), finding.kind(), c.typeName(),
          old.substring(0, old.length() - suffix + 1), renamed.substring(0, renamed.length() - suffix + 1));
    }
  }
}
