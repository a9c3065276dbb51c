package dev.subpact.broker.api;

import dev.subpact.broker.BrokerConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Who may do what: with no credentials configured everyone may read and write; otherwise writes
 * need the read-write basic auth or the bearer token (401 without, 403 with read-only
 * credentials), and reads need any of them unless reads are public.
 */
final class Auth {

  private enum Access { NONE, READ, WRITE }

  private final BrokerConfig config;

  Auth(BrokerConfig config) {
    this.config = config;
  }

  void check(Context ctx) {
    if (config.basicAuth() == null && config.token() == null && config.readOnlyAuth() == null) {
      return;
    }
    boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD
        || ctx.method() == HandlerType.OPTIONS;
    if (read && DiagnosticResources.OPEN.contains(ctx.path())) {
      return;
    }
    Access access = access(ctx.header("Authorization"));
    if (read && (config.publicRead() || access != Access.NONE)) {
      return;
    }
    if (!read && access == Access.WRITE) {
      return;
    }
    if (access == Access.READ) {
      throw new Refusal(403, "These credentials may only read; " + ctx.method() + " " + ctx.path()
          + " needs the read-write user or the token.");
    }
    ctx.header("WWW-Authenticate", "Basic realm=\"subpact broker\"");
    throw new Refusal(401, "Authentication required: send HTTP basic auth or 'Authorization: Bearer TOKEN'.");
  }

  private Access access(String header) {
    if (header == null) {
      return Access.NONE;
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return config.token() != null && same(header.substring(7).trim(), config.token()) ? Access.WRITE : Access.NONE;
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Access.NONE;
      }
      if (config.basicAuth() != null && same(decoded, config.basicAuth())) {
        return Access.WRITE;
      }
      if (config.readOnlyAuth() != null && same(decoded, config.readOnlyAuth())) {
        return Access.READ;
      }
    }
    return Access.NONE;
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  /** A refused request, answered with its status and an errors body. */
  static final class Refusal extends RuntimeException {
    final int status;

    Refusal(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
