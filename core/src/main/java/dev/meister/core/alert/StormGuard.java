package dev.meister.core.alert;

import dev.meister.core.chat.ChatRef;
import dev.meister.core.validation.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Keeps an alert storm from flooding a chat (and hitting the platform's rate limit): a token bucket
 * per chat allows {@code burst} alerts at once and {@code perMinute} a minute after that; what is
 * held back goes out in digests, at most one a minute per chat.
 */
public final class StormGuard {
  /**
   * Telegram's limit for a bot in one group: about 20 messages a minute (its Bots FAQ); a 429 with
   * {@code retry_after} answers more. Slack (about one a second per channel) and Discord allow
   * more, so the group limit is the one every chat is paced to.
   */
  public static final int CHAT_LIMIT_PER_MINUTE = 20;

  /**
   * The alerts a quiet chat takes at once. With {@link #CHAT_PER_MINUTE} and a digest a minute, no
   * minute can hold more than the limit: a full bucket (10), what refills in that minute (9) and
   * one digest make 20.
   */
  public static final int CHAT_BURST = 10;

  /**
   * The alerts a chat takes each minute once its burst is spent: the limit less burst and digest.
   */
  public static final int CHAT_PER_MINUTE = CHAT_LIMIT_PER_MINUTE - CHAT_BURST - 1;

  private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();
  private static final Duration DIGEST_GAP = Duration.ofMinutes(1);

  private final Clock clock;
  private final long perMinute;

  /** Credit is kept in token-nanos (one token = a minute's nanos) so refills stay exact. */
  private final long capacity;

  private final PaceBuckets buckets;
  private final Map<ChatRef, Instant> lastDigest = new HashMap<>();

  public StormGuard(Clock clock, int perMinute, int burst) {
    this(clock, perMinute, burst, PaceBuckets.inMemory());
  }

  /**
   * @param buckets where each chat's allowance is kept: shared by every instance on one database
   */
  public StormGuard(Clock clock, int perMinute, int burst, PaceBuckets buckets) {
    Checks.check(perMinute > 0, "perMinute must be positive");
    Checks.check(burst > 0, "burst must be positive");
    this.clock = clock;
    this.buckets = buckets;
    this.perMinute = perMinute;
    this.capacity = burst * NANOS_PER_MINUTE;
  }

  /**
   * How far back a chat's posts bear on its pace: the time an empty bucket takes to fill, and at
   * least the minute between digests.
   */
  public Duration memory() {
    Duration fill = Duration.ofNanos(capacity / perMinute);
    return fill.compareTo(DIGEST_GAP) > 0 ? fill : DIGEST_GAP;
  }

  /**
   * Resumes a chat's pace after a restart from what it was sent before: its alert posts of the last
   * {@link #memory} are replayed on a bucket taken to be empty then, the most it can have lacked
   * (it would be full again by now anyway). So a chat that had its burst just before a kill does
   * not get a second one straight after, which is when Telegram answers with 429s.
   *
   * @param posts when alert posts to the chat went out on their own (or were queued to)
   * @param lastDigest when the chat's last digest was queued, if any
   */
  public synchronized void resume(ChatRef chat, List<Instant> posts, Optional<Instant> lastDigest) {
    lastDigest.ifPresent(t -> this.lastDigest.merge(chat, t, (a, c) -> a.isAfter(c) ? a : c));
    if (buckets.get(chat).isPresent()) {
      // Kept where every instance shares it: that is the pace, whatever this instance missed.
      return;
    }
    Instant now = clock.instant();
    Instant from = now.minus(memory());
    Bucket b = new Bucket(0, from);
    for (Instant t : posts.stream().sorted().toList()) {
      if (t.isBefore(from)) {
        continue;
      }
      b.refill(t.isAfter(now) ? now : t);
      // Posts over the pace (high-priority alerts bypass it) take the bucket to empty, not below.
      b.credit = Math.max(0, b.credit - NANOS_PER_MINUTE);
    }
    b.refill(now);
    buckets.put(chat, b.value());
  }

  /** Takes a token for one alert message to {@code chat}; false when its allowance is used up. */
  public synchronized boolean tryPost(ChatRef chat) {
    Instant now = clock.instant();
    Bucket b = buckets.get(chat).map(Bucket::new).orElseGet(() -> new Bucket(capacity, now));
    b.refill(now);
    boolean allowed = b.credit >= NANOS_PER_MINUTE;
    if (allowed) {
      b.credit -= NANOS_PER_MINUTE;
    }
    buckets.put(chat, b.value());
    return allowed;
  }

  /**
   * Whether a digest of held-back alerts may go to {@code chat} now; a true answer counts as
   * posting one. Digests bypass the bucket, so a storm is still summarised while it lasts.
   */
  public synchronized boolean canPostDigest(ChatRef chat) {
    if (!digestDue(chat)) {
      return false;
    }
    digestQueued(chat);
    return true;
  }

  /** Whether a digest may go to {@code chat} now (a minute after its last); counts as nothing. */
  public synchronized boolean digestDue(ChatRef chat) {
    @Nullable Instant last = lastDigest.get(chat);
    return last == null || !clock.instant().isBefore(last.plus(DIGEST_GAP));
  }

  /** Counts a digest to {@code chat} as posted now: the next may follow a minute later. */
  public synchronized void digestQueued(ChatRef chat) {
    lastDigest.put(chat, clock.instant());
  }

  private final class Bucket {
    long credit;
    Instant refilledAt;

    Bucket(long credit, Instant refilledAt) {
      this.credit = credit;
      this.refilledAt = refilledAt;
    }

    Bucket(PaceBucket stored) {
      this(stored.credit(), stored.refilledAt());
    }

    PaceBucket value() {
      return new PaceBucket(credit, refilledAt);
    }

    void refill(Instant now) {
      if (!now.isAfter(refilledAt)) {
        return;
      }
      long missing = capacity - credit;
      // Cap the interval at what fills the bucket, so a long quiet spell cannot overflow.
      long elapsed = Math.min(Duration.between(refilledAt, now).toNanos(), missing / perMinute + 1);
      credit = Math.min(capacity, credit + elapsed * perMinute);
      refilledAt = now;
    }
  }
}
