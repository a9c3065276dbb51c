package dev.subpact.broker.matrix;

/**
 * Which versions of a pacticipant a matrix query is about: one version, the latest (optionally
 * with a tag or on a branch), all with a tag or on a branch, those in an environment, or all.
 */
public record Selector(String pacticipant, String version, boolean latest, String tag,
    String branch, String environment, boolean mainBranch) {

  public String describe() {
    StringBuilder text = new StringBuilder();
    if (version != null) {
      return pacticipant + " (" + version + ")";
    }
    text.append(latest ? "the latest version of " : "all versions of ").append(pacticipant);
    if (mainBranch) {
      text.append(" from the main branch");
    }
    if (branch != null) {
      text.append(" from branch ").append(branch);
    }
    if (tag != null) {
      text.append(" with tag ").append(tag);
    }
    if (environment != null) {
      text.append(" in ").append(environment);
    }
    return text.toString();
  }
}
