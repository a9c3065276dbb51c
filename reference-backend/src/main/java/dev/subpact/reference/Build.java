package dev.subpact.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A backend build the reference backend can serve: a name and its schema (Strawberry-style SDL).
 *
 * <p>The incident's three builds ship with subpact ({@link #named(String)}); tests make purpose-made
 * builds with {@link #of(String, String)} or {@link #withSdl(String, UnaryOperator)}, e.g. one that
 * changes {@code emsg_created_ts} to {@code String}.
 */
public record Build(String name, String sdl) {

  /** The incident's builds, in the order of the story. */
  public static final List<String> INCIDENT_BUILDS = List.of("before-rename", "renamed", "aliased");

  public Build {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sdl, "sdl");
  }

  /** A purpose-made build. */
  public static Build of(String name, String sdl) {
    return new Build(name, sdl);
  }

  /**
   * One of the incident's builds: {@code before-rename}, {@code renamed} or {@code aliased}.
   *
   * @throws IllegalArgumentException naming the known builds when {@code name} is none of them
   */
  public static Build named(String name) {
    if (!INCIDENT_BUILDS.contains(name)) {
      throw new IllegalArgumentException(
          "Unknown backend build '" + name + "': the reference backend serves " + String.join(", ", INCIDENT_BUILDS) + ".");
    }
    String resource = "/dev/subpact/backend/schemas/" + name + ".graphql";
    try (InputStream in = Build.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The classpath lacks " + resource + "; rebuild provider-verification.");
      }
      return new Build(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  /** A purpose-made build derived from this one: a new name and an edited SDL. */
  public Build withSdl(String newName, UnaryOperator<String> edit) {
    return new Build(newName, edit.apply(sdl));
  }
}
