package dev.subpact.broker.api;

import dev.subpact.broker.contract.ResourceUrls;
import io.javalin.http.Context;

/** Absolute URLs of the broker's resources, with every name segment percent-encoded. */
public final class Links implements ResourceUrls {

  private final String base;

  private Links(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /**
   * Links start with {@code --base-url} when set (behind a reverse proxy: the public URL), otherwise
   * with the address the request arrived on — never with the request's {@code Host} header, which
   * the client chooses (a publish sent with {@code Host: attacker.example} would otherwise make
   * webhooks deliver {@code pactUrl}s pointing there).
   */
  public static Links of(Context ctx, String configuredBaseUrl) {
    if (configuredBaseUrl != null) {
      return new Links(configuredBaseUrl);
    }
    String address = ctx.req().getLocalAddr();
    String host = address.contains(":") ? "[" + address + "]" : address;
    return new Links(ctx.scheme() + "://" + host + ":" + ctx.req().getLocalPort());
  }

  public String base() {
    return base;
  }

  /** {@code base} followed by each segment, encoded (a {@code /} in a name becomes {@code %2F}). */
  public String to(String... segments) {
    StringBuilder url = new StringBuilder(base);
    for (String segment : segments) {
      url.append('/').append(ResourceUrls.encode(segment));
    }
    return url.toString();
  }

  /** {@code base} followed by a path template kept as written (for templated links). */
  public String template(String path) {
    return base + path;
  }

  public String pacticipant(String name) {
    return to("pacticipants", name);
  }

  public String version(String pacticipant, String number) {
    return to("pacticipants", pacticipant, "versions", number);
  }

  public String pact(String provider, String consumer, String version) {
    return to("pacts", "provider", provider, "consumer", consumer, "version", version);
  }

  @Override
  public String pactVersion(String provider, String consumer, String sha) {
    return to("pacts", "provider", provider, "consumer", consumer, "pact-version", sha);
  }
}
