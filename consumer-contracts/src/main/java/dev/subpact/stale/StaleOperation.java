package dev.subpact.stale;

import java.util.List;

/**
 * One operation the build sends that main no longer sends the same way.
 *
 * @param description the build's interaction, e.g. {@code MessageAdded subscription}
 * @param goneFromMain whether main no longer sends an operation of that name and type at all
 * @param onlyInBuild the fields ({@code a.b.c}), arguments ({@code a(x:)}) and variables ({@code $x})
 *     the build sends that main's operation of the same name does not, sorted
 * @param onlyOnMain what main sends instead, sorted (the rename's other half)
 */
public record StaleOperation(String description, boolean goneFromMain, List<String> onlyInBuild, List<String> onlyOnMain) {

  public StaleOperation {
    onlyInBuild = List.copyOf(onlyInBuild);
    onlyOnMain = List.copyOf(onlyOnMain);
  }
}
