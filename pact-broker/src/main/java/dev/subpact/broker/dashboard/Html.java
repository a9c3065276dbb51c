package dev.subpact.broker.dashboard;

import dev.subpact.broker.contract.ResourceUrls;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Building HTML safely: every text goes through {@link #text}; every name of the broker's data
 * becomes a link through the {@code *Link} helpers. The stylesheet is {@code dashboard.css} in the
 * jar, served by the broker: nothing is fetched from elsewhere.
 */
final class Html {

  static final String STYLESHEET = "/dashboard/assets/dashboard.css";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);

  private Html() {}

  static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String link(String href, String label) {
    return "<a href=\"" + text(href) + "\">" + text(label) + "</a>";
  }

  static String pacticipantHref(String name) {
    return "/dashboard/pacticipants/" + ResourceUrls.encode(name);
  }

  static String pacticipantLink(String name) {
    return link(pacticipantHref(name), name);
  }

  static String versionHref(String pacticipant, String number) {
    return pacticipantHref(pacticipant) + "/versions/" + ResourceUrls.encode(number);
  }

  static String versionLink(String pacticipant, String number) {
    return link(versionHref(pacticipant, number), number);
  }

  static String branchLink(String pacticipant, String branch) {
    return link(pacticipantHref(pacticipant) + "/branches/" + ResourceUrls.encode(branch), branch);
  }

  static String environmentLink(String name) {
    return link("/dashboard/environments/" + ResourceUrls.encode(name), name);
  }

  static String pactHref(String provider, String consumer, String version) {
    return "/dashboard/pacts/provider/" + ResourceUrls.encode(provider) + "/consumer/" + ResourceUrls.encode(consumer)
        + "/version/" + ResourceUrls.encode(version);
  }

  /** An ISO-8601 instant as people read it ("2 December 2026 at 04:55 UTC"), machine-readable in {@code datetime}. */
  static String date(String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return "<time datetime=\"" + text(iso) + "\">" + DATE.format(Instant.parse(iso)) + "</time>";
    } catch (DateTimeParseException e) {
      return text(iso);
    }
  }

  /** A labelled {@code <select>} of {@code options} (plus an empty "any" choice), {@code selected} preselected. */
  static String picker(String name, String label, Iterable<String> options, String selected, boolean any) {
    StringBuilder select = new StringBuilder("<label>").append(text(label)).append(" <select name=\"").append(text(name))
        .append("\">");
    if (any) {
      select.append("<option value=\"\">(any)</option>");
    }
    for (String option : options) {
      select.append("<option").append(option.equals(selected) ? " selected" : "").append(">").append(text(option))
          .append("</option>");
    }
    return select.append("</select></label>").toString();
  }

  static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + text(title)
        + " · subpact broker</title><link rel=\"stylesheet\" href=\"" + STYLESHEET + "\"></head><body>"
        + "<a class=\"skip\" href=\"#main\">Skip to content</a><header><nav aria-label=\"Dashboard\">"
        + "<a href=\"/\">Integrations</a><a href=\"/dashboard/matrix\">Matrix</a>"
        + "<a href=\"/dashboard/can-i-deploy\">Can I deploy?</a><a href=\"/dashboard/graphql\">GraphQL</a>"
        + "<a href=\"/dashboard/field-usage\">Field usage</a><a href=\"/dashboard/deprecated\">Deprecated in use</a>"
        + "<a href=\"/dashboard/hal-browser\">API</a></nav></header><main id=\"main\"><h1>" + text(title) + "</h1>"
        + body + "</main></body></html>";
  }
}
