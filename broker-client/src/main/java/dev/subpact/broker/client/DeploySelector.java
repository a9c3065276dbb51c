package dev.subpact.broker.client;

/**
 * One pacticipant version can-i-deploy asks about: a version number, or the latest version
 * (optionally the latest on a branch).
 */
public record DeploySelector(String pacticipant, String version, String branch, boolean latest) {

  public DeploySelector {
    if (pacticipant == null || pacticipant.isBlank()) {
      throw new IllegalArgumentException("a pacticipant name is required");
    }
  }

  public static DeploySelector version(String pacticipant, String version) {
    return new DeploySelector(pacticipant, version, null, false);
  }

  @Override
  public String toString() {
    return pacticipant + " " + (version != null ? version : "latest" + (branch == null ? "" : " on " + branch));
  }
}
