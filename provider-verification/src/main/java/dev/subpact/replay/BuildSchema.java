package dev.subpact.replay;

import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoadException;
import dev.subpact.graphql.schema.SchemaLoader;

/**
 * The schema of the build under test, as evidence: {@code --schema} when given, else the backend's
 * own introspection over {@link ReplayConfig#httpUrl()}, fetched once per run, and the baseline
 * when one was given (renames recognised by shape, and what a contract cannot say itself). It gives a rejected
 * operation its full static error list, a subscription that expects no event its positive evidence
 * (it validates), and every operation its deprecation warnings. When it cannot be had,
 * {@link #unavailable()} says why. Thread-safe.
 */
final class BuildSchema {

  private final ReplayConfig config;
  private StaticChecker checker;
  private String unavailable;
  private boolean loaded;

  BuildSchema(ReplayConfig config) {
    this.config = config;
  }

  /** The build's checker, or {@code null} when neither {@code --schema} nor introspection gives one. */
  synchronized StaticChecker checker() {
    if (!loaded) {
      loaded = true;
      try {
        checker = StaticChecker.of(config.schema() != null ? config.schema() : SchemaLoader.fromUrl(config.httpUrl(), config.headers()),
            config.fixStyles(), config.baseline());
      } catch (SchemaLoadException e) {
        unavailable = e.getMessage();
      }
    }
    return checker;
  }

  /** Why there is no checker (the introspection failure), or {@code null} when there is one or none was asked for yet. */
  synchronized String unavailable() {
    return unavailable;
  }

  /** The schema the consumers run against today, or {@code null} when none was given. */
  Schema baseline() {
    return config.baseline();
  }

  /** Where the schema comes from: the {@code --schema} origin, or the introspected URL. */
  String origin() {
    return config.schema() != null ? config.schema().origin() : "the introspection of " + config.httpUrl();
  }
}
