package dev.meister.core.web;

import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Sign-in to the web page: a one-time link for a team member (valid {@link #LINK_LIFETIME}, usable
 * once) starts a session of the configured length. Tokens are 256 random bits, handed out once and
 * stored only as their SHA-256.
 */
public final class SignIns {
  public static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

  /** The path a sign-in link opens, followed by its token. */
  public static final String LINK_PATH = "/web/login/";

  private final SignInStore store;
  private final Team team;
  private final Duration sessionLifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public SignIns(SignInStore store, Team team, Duration sessionLifetime, Clock clock) {
    this.store = store;
    this.team = team;
    this.sessionLifetime = sessionLifetime;
    this.clock = clock;
  }

  /** A new link's token for {@code member}; only team members get one. */
  public String issueLink(MemberId member) {
    if (team.find(member).isEmpty()) {
      throw new IllegalArgumentException("'" + member.value() + "' is not a member of the team");
    }
    String token = token();
    store.saveLink(hash(token), member, clock.instant().plus(LINK_LIFETIME));
    return token;
  }

  /** What opening a link did: a new session, or why not. */
  public sealed interface Outcome {
    /**
     * A session began.
     *
     * @param token the session cookie's value
     * @param csrf the token forms must send back
     */
    record Started(Member member, String token, String csrf, Instant expiresAt)
        implements Outcome {}

    record Refused(SignInStore.Refusal why) implements Outcome {}
  }

  /** Uses the link with {@code token}; a link is good once, within its lifetime. */
  public Outcome redeem(String token) {
    SignInStore.Redemption r = store.useLink(hash(token), clock.instant());
    if (r instanceof SignInStore.Redemption.Refused refused) {
      return new Outcome.Refused(refused.why());
    }
    MemberId id = ((SignInStore.Redemption.Used) r).member();
    Optional<Member> member = team.find(id);
    if (member.isEmpty()) {
      return new Outcome.Refused(SignInStore.Refusal.UNKNOWN); // Left the team since.
    }
    return start(member.get());
  }

  /** A session for a member a trusted proxy vouched for. */
  public Outcome.Started start(Member member) {
    String session = token();
    String csrf = token();
    Instant expires = clock.instant().plus(sessionLifetime);
    store.saveSession(hash(session), member.id(), expires, csrf);
    return new Outcome.Started(member, session, csrf, expires);
  }

  /** A signed-in visitor: the member and their session's form token. */
  public record Visitor(Member member, String csrf) {}

  /** Who holds the session {@code token}, while it lasts and they are on the team. */
  public Optional<Visitor> visitor(String token) {
    return store
        .session(hash(token), clock.instant())
        .flatMap(s -> team.find(s.member()).map(m -> new Visitor(m, s.csrf())));
  }

  public void signOut(String token) {
    store.endSession(hash(token));
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
