package dev.meister.bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads {@code web:}; every problem is located at its line, like the other sections. */
final class WebSection {
  static final List<String> KEYS =
      List.of("enabled", "base_url", "session", "trusted_header", "bind", "port");
  private static final List<String> HEADER_KEYS = List.of("name", "match");
  private static final Duration LONGEST_SESSION = Duration.ofDays(30);

  private final Problems problems;

  WebSection(Problems problems) {
    this.problems = problems;
  }

  WebConfig read(Fields top) {
    Fields f = top.map("web", false, KEYS);
    if (f == null) {
      return WebConfig.disabled();
    }
    boolean enabled = f.flag("enabled", true);
    URI base = f.value("base_url", enabled, WebSection::baseUrl);
    Duration session = f.value("session", false, WebSection::session);
    Optional<WebConfig.TrustedHeader> header = Optional.empty();
    Fields h = f.map("trusted_header", false, HEADER_KEYS);
    if (h != null) {
      String name = h.value("name", true, WebSection::headerName);
      WebConfig.Match match = h.value("match", true, WebSection::match);
      if (name != null && match != null) {
        header = Optional.of(new WebConfig.TrustedHeader(name, match));
      }
    }
    Long port = f.value("port", false, WebSection::port);
    return new WebConfig(
        enabled,
        Optional.ofNullable(base),
        session == null ? WebConfig.DEFAULT_SESSION : session,
        header,
        Optional.ofNullable(f.text("bind", false)),
        port == null ? OptionalInt.empty() : OptionalInt.of(port.intValue()));
  }

  Problems problems() {
    return problems;
  }

  /** An absolute http(s) address; a trailing slash is dropped so paths can be appended. */
  static URI baseUrl(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URL", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'" + text + "' must be an http or https URL, e.g. https://meister.example.com");
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException("'" + text + "' must have no query or fragment");
    }
    String s = uri.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  static Duration session(String text) {
    Duration d = Durations.positive(text);
    if (d.compareTo(LONGEST_SESSION) > 0) {
      throw new IllegalArgumentException("a session may last at most 30d, not " + text);
    }
    if (d.compareTo(Duration.ofMinutes(5)) < 0) {
      throw new IllegalArgumentException("a session must last at least 5m, not " + text);
    }
    return d;
  }

  static String headerName(String text) {
    String name = text.strip();
    if (!name.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an HTTP header name, e.g. X-Forwarded-Email");
    }
    return name;
  }

  static WebConfig.Match match(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "email" -> WebConfig.Match.EMAIL;
      case "login" -> WebConfig.Match.LOGIN;
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' is not a way to match members; use email or login");
    };
  }

  static long port(String text) {
    long port = Values.integer(text);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " must be between 1 and 65535");
    }
    return port;
  }
}
