package dev.subpact.broker.dashboard;

/** Building HTML safely: every text goes through {@link #text}. */
final class Html {

  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
      header{background:#24292f;color:#fff;padding:12px 24px}header a{color:#fff;margin-right:16px;text-decoration:none}
      main{padding:16px 24px}h1{font-size:20px}table{border-collapse:collapse;background:#fff;width:100%}
      th,td{border:1px solid #d0d7de;padding:6px 10px;text-align:left;vertical-align:top}th{background:#eaeef2}
      .ok{background:#dafbe1;color:#116329}.failed{background:#ffebe9;color:#a40e26}.unknown{background:#eaeef2;color:#57606a}
      .pending{display:inline-block;margin-left:6px;padding:0 6px;border-radius:10px;background:#fff8c5;color:#7d4e00;font-size:12px}
      pre{background:#fff;border:1px solid #d0d7de;padding:8px;overflow:auto}.op{margin-bottom:24px}
      .warn{background:#fff8c5;padding:8px;border:1px solid #d4a72c;margin:4px 0}
      form input{margin-right:8px}code{background:#eaeef2;padding:1px 4px}
      """;

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

  static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + text(title)
        + " · subpact broker</title><style>" + STYLE + "</style></head><body><header>"
        + "<a href=\"/dashboard\">Integrations</a><a href=\"/dashboard/matrix\">Matrix</a>"
        + "<a href=\"/dashboard/can-i-deploy\">Can I deploy?</a><a href=\"/dashboard/field-usage\">Field usage</a>"
        + "<a href=\"/dashboard/deprecated\">Deprecated in use</a></header><main><h1>" + text(title) + "</h1>"
        + body + "</main></body></html>";
  }
}
