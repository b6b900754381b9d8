package dev.meister.core.calendar;

import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may read a calendar feed: whoever holds a current member's token. A token is 32 random bytes
 * (URL-safe Base64); {@link #reset} replaces it, after which the old URLs answer 404. The token is
 * kept as it is, not hashed: {@code /calendar} must be able to send the same URLs again, or every
 * subscription would break each time someone asks for them.
 */
public final class CalendarAccess {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CalendarTokenStore store;
  private final Team team;
  private final Clock clock;
  private final Supplier<String> tokens;

  public CalendarAccess(CalendarTokenStore store, Team team, Clock clock) {
    this(store, team, clock, CalendarAccess::randomToken);
  }

  CalendarAccess(CalendarTokenStore store, Team team, Clock clock, Supplier<String> tokens) {
    this.store = store;
    this.team = team;
    this.clock = clock;
    this.tokens = tokens;
  }

  /** {@code member}'s token, made on first use. */
  public String tokenFor(MemberId member) {
    return store.tokenOf(member).orElseGet(() -> reset(member));
  }

  /** A new token for {@code member}; the old one stops working at once. */
  public String reset(MemberId member) {
    String token = tokens.get();
    store.put(member, token, clock.instant());
    return token;
  }

  /** The member a token belongs to, if it is current and they are still on the team. */
  public Optional<MemberId> memberFor(String token) {
    if (token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    return store.memberFor(token).filter(m -> team.find(m).isPresent());
  }

  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
