package dev.subpact.broker.model;

import java.util.ArrayList;
import java.util.List;

/** The rows the dashboard's pages show, as its read queries return them. */
public final class PageRows {

  private PageRows() {}

  /** Where a version currently runs: {@code deployed} or {@code released} in an environment. */
  public record Place(String environment, boolean production, String kind) {}

  /** A consumer version in use (deployed, released or the head of its main branch) and its pact with one provider. */
  public record InUse(Version version, String provider, String sha, List<Place> places, boolean mainHead) {

    /** "production", "environment" or "main": the most serious place, for colouring. */
    public String severity() {
      if (places.stream().anyMatch(Place::production)) {
        return "production";
      }
      return places.isEmpty() ? "main" : "environment";
    }

    public String where() {
      List<String> words = new ArrayList<>();
      for (Place place : places) {
        words.add(place.kind() + " in " + place.environment());
      }
      if (mainHead) {
        words.add("head of the main branch");
      }
      return String.join(", ", words);
    }
  }

  /** One verdict of a provider build on a pact content. */
  public record Verdict(String sha, long providerVersionId, boolean success, String kind) {}

  /** The newest verification of a pact content by a provider, and whether any verification of it ever succeeded. */
  public record Latest(Verification newest, boolean everSucceeded) {}

  /** The key of {@link Latest} for a pact content verified by a provider. */
  public static String key(String sha, long providerId) {
    return sha + "/" + providerId;
  }
}
