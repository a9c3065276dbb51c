package dev.subpact.broker.webhook;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs webhooks may call: allowed schemes, and hosts by exact name, {@code *.suffix},
 * {@code host:port}, an address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}), or {@code *}
 * for any host on a public address.
 *
 * <p>Loopback, link-local (cloud metadata at 169.254.169.254), private, unique-local, carrier-grade
 * NAT and unspecified addresses are refused unless allowed explicitly: by the name the URL uses, or
 * by an entry (address or range) that contains the address. {@code *} never allows them. Names are
 * resolved when the webhook is delivered, and every address they resolve to is checked.
 */
public final class AllowList {

  /** One allow-list entry: a name pattern or an address range, optionally with a port. */
  private record Entry(String name, BigInteger network, int prefix, int bits, Integer port) {

    static Entry parse(String text) {
      String entry = text.trim().toLowerCase(Locale.ROOT);
      if (entry.contains("/")) {
        String[] parts = entry.split("/", 2);
        InetAddress address = literal(parts[0]);
        int bits = address == null ? 0 : address.getAddress().length * 8;
        int prefix;
        try {
          prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (address == null || prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException("The webhook host allow-list entry '" + text + "' is not a CIDR range like 10.0.0.0/8 or fd00::/8.");
        }
        return new Entry(null, new BigInteger(1, address.getAddress()).shiftRight(bits - prefix), prefix, bits, null);
      }
      Integer port = null;
      String name = entry;
      int colon = entry.lastIndexOf(':');
      boolean ipv6 = entry.startsWith("[") || entry.indexOf(':') != colon;
      if (colon > 0 && (!ipv6 || entry.startsWith("["))) {
        try {
          port = Integer.parseInt(entry.substring(colon + 1));
          name = entry.substring(0, colon);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("The webhook host allow-list entry '" + text + "' has a port that is not a number; write host, host:port, *.suffix, * or a CIDR range.");
        }
      }
      name = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
      InetAddress address = literal(name);
      return address == null ? new Entry(name, null, 0, 0, port)
          : new Entry(null, new BigInteger(1, address.getAddress()), address.getAddress().length * 8,
              address.getAddress().length * 8, port);
    }

    boolean any() {
      return "*".equals(name);
    }

    boolean matchesName(String host, int port) {
      return name != null && portMatches(port)
          && (name.equals("*") || name.equals(host) || (name.startsWith("*.") && host.endsWith(name.substring(1))));
    }

    boolean contains(InetAddress address, int port) {
      byte[] bytes = address.getAddress();
      return network != null && portMatches(port) && bytes.length * 8 == bits
          && new BigInteger(1, bytes).shiftRight(bits - prefix).equals(network);
    }

    private boolean portMatches(int requested) {
      return port == null || port == requested;
    }
  }

  private final List<String> hosts;
  private final List<Entry> entries;
  private final List<String> schemes;

  /** @throws IllegalArgumentException naming an entry that is no host, host:port, *.suffix, * or CIDR range */
  public AllowList(List<String> hosts, List<String> schemes) {
    this.hosts = List.copyOf(hosts);
    this.schemes = List.copyOf(schemes);
    List<Entry> parsed = new ArrayList<>();
    for (String host : hosts) {
      parsed.add(Entry.parse(host));
    }
    this.entries = List.copyOf(parsed);
  }

  /** Why {@code url} may not be called, or empty when it may: checked when a webhook is created, without DNS. */
  public Optional<String> refusal(String url) {
    return check(url, false);
  }

  /** As {@link #refusal}, and every address the host resolves to is checked too: before each delivery. */
  public Optional<String> refusalToDeliver(String url) {
    return check(url, true);
  }

  private Optional<String> check(String url, boolean resolve) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.of("The webhook URL '" + Redaction.url(url) + "' is not a valid URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || scheme.isEmpty()) {
      return Optional.of("The webhook URL '" + Redaction.url(url) + "' must be absolute, like https://ci.example.com/hook.");
    }
    String shown = Redaction.url(url);
    if (!schemes.contains(scheme)) {
      return Optional.of("The scheme '" + scheme + "' of webhook URL '" + shown
          + "' is not allowed; allowed schemes: " + schemes + ".");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    InetAddress literal = literal(host);
    boolean explicitName = false;
    boolean any = false;
    for (Entry entry : entries) {
      if (entry.matchesName(host, port)) {
        explicitName |= !entry.any();
        any |= entry.any();
      }
      if (literal != null && entry.contains(literal, port)) {
        explicitName = true;
      }
    }
    if (!explicitName && !any) {
      return Optional.of("The host '" + host + "' (port " + port + ") of webhook URL '" + shown
          + "' is not on the broker's webhook host allow-list " + hosts
          + "; add " + host + " (or " + host + ":" + port + ") to the broker's webhook host allow-list to allow it.");
    }
    if (explicitName) {
      return Optional.empty();
    }
    List<InetAddress> addresses = new ArrayList<>();
    if (literal != null) {
      addresses.add(literal);
    } else if (host.equals("localhost") || host.endsWith(".localhost")) {
      addresses.add(InetAddress.getLoopbackAddress());
    } else if (resolve) {
      try {
        addresses.addAll(List.of(InetAddress.getAllByName(host)));
      } catch (UnknownHostException e) {
        return Optional.of("The host '" + host + "' of webhook URL '" + shown + "' does not resolve: " + e.getMessage());
      }
    }
    for (InetAddress address : addresses) {
      if (internal(address) && entries.stream().noneMatch(e -> e.contains(address, port))) {
        return Optional.of("The host '" + host + "' of webhook URL '" + shown + "' is " + address.getHostAddress()
            + ", a loopback, link-local or private address, which the allow-list's '*' entry does not allow; add " + host
            + " or " + address.getHostAddress() + " to the broker's webhook host allow-list to allow it explicitly.");
      }
    }
    return Optional.empty();
  }

  /** An IP literal, or null for a name (never resolved here). */
  private static InetAddress literal(String host) {
    boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6 = host.contains(":") && host.matches("[0-9a-f:.%a-z]+");
    if (!ipv4 && !ipv6) {
      return null;
    }
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Loopback, link-local, private (RFC 1918), unique-local (fc00::/7), CGNAT (100.64.0.0/10), unspecified or multicast. */
  static boolean internal(InetAddress address) {
    byte[] b = address.getAddress();
    boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
    boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    boolean thisNetwork = b.length == 4 && b[0] == 0;
    return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
        || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || carrierNat || thisNetwork;
  }
}
