package dev.meister.bot.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The web page ({@code web:}): whether it is served, the address people reach it at (links in chat
 * point there; {@code https} makes the session cookie {@code Secure}), how long a sign-in lasts, an
 * optional reverse proxy's authenticated-user header, and where it listens when not on the webhook
 * server.
 *
 * @param baseUrl without a trailing slash; present whenever {@code enabled}
 * @param session how long a session lasts after sign-in
 * @param port its own port; empty to share the webhook server (the default)
 */
public record WebConfig(
    boolean enabled,
    Optional<URI> baseUrl,
    Duration session,
    Optional<TrustedHeader> trustedHeader,
    Optional<String> bind,
    OptionalInt port) {
  public static final Duration DEFAULT_SESSION = Duration.ofHours(12);

  /** How a proxy's header names a member. */
  public enum Match {
    /** The member's {@code email:}. */
    EMAIL,
    /** The member's id under {@code team.members}, or their {@code github:} login. */
    LOGIN
  }

  /**
   * {@code trusted_header: { name: X-Forwarded-Email, match: email }}: requests carrying the header
   * are signed in as the member it names. Only for a page reachable through that proxy alone.
   */
  public record TrustedHeader(String name, Match match) {}

  public static WebConfig disabled() {
    return new WebConfig(
        false,
        Optional.empty(),
        DEFAULT_SESSION,
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty());
  }

  /** Whether cookies must be {@code Secure}: the page is reached over https. */
  public boolean secure() {
    return baseUrl.map(u -> "https".equals(u.getScheme())).orElse(false);
  }

  /** {@code base_url} followed by {@code path} (which starts with a slash). */
  public String link(String path) {
    return baseUrl.map(URI::toString).orElse("") + path;
  }
}
