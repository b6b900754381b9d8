package dev.meister.core.web;

import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: sign-in links and sessions, stored by the SHA-256 of their token only, so the database
 * never holds a token that could be used.
 */
public interface SignInStore {
  void saveLink(String hash, MemberId member, Instant expiresAt);

  /**
   * Marks the link used, once: a second caller finds it {@link Redemption.Refusal#USED}. Atomic, so
   * two requests racing with one link start one session.
   */
  Redemption useLink(String hash, Instant now);

  void saveSession(String hash, MemberId member, Instant expiresAt, String csrf);

  /** The live session with this hash, if it has not expired or ended. */
  Optional<Session> session(String hash, Instant now);

  void endSession(String hash);

  /** A session as stored. */
  record Session(MemberId member, Instant expiresAt, String csrf) {}

  /** What using a link did. */
  sealed interface Redemption {
    record Used(MemberId member) implements Redemption {}

    record Refused(Refusal why) implements Redemption {}
  }

  /** Why a link starts no session. */
  enum Refusal {
    UNKNOWN,
    USED,
    EXPIRED
  }
}
