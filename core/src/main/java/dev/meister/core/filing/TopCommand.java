package dev.meister.core.filing;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.RichText;
import dev.meister.core.flaky.FlakyTest;
import dev.meister.core.flaky.FlakyTests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /top [DAYS]}: the most common failures by root cause, with counts and their issues, and
 * the flakiest tests: those that most often failed and then passed on a re-run of the same commit.
 */
public final class TopCommand implements CommandHandler {
  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 366;
  static final int SHOWN = 10;

  private final BreakLog log;
  private final Clock clock;
  private final Optional<FlakyTests> flaky;

  public TopCommand(BreakLog log, Clock clock) {
    this(log, clock, Optional.empty());
  }

  /**
   * @param flaky the flaky tests to list after the failures; empty to leave them out
   */
  public TopCommand(BreakLog log, Clock clock, Optional<FlakyTests> flaky) {
    this.log = log;
    this.clock = clock;
    this.flaky = flaky;
  }

  @Override
  public String name() {
    return "top";
  }

  @Override
  public String usage() {
    return "/top [DAYS]";
  }

  @Override
  public String summary() {
    return "the most common failures and the flakiest tests of the last DAYS days (default "
        + DEFAULT_DAYS
        + ")";
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    if (request.args().size() > 1) {
      throw new IllegalArgumentException("Usage: " + usage());
    }
    int days;
    try {
      days =
          request.args().isEmpty()
              ? DEFAULT_DAYS
              : Counts.parse(request.args().get(0), MAX_DAYS, "DAYS");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " Usage: " + usage(), e);
    }
    Instant since = clock.instant().minus(Duration.ofDays(days));
    List<FailureCount> top = TopFailures.of(log.since(since), SHOWN);
    List<FlakyTest> flakiest = flaky.map(f -> f.flakiest(since, SHOWN)).orElse(List.of());
    if (top.isEmpty() && flakiest.isEmpty()) {
      return CommandReply.plain("No failures in the last " + days + " days.");
    }
    RichText.Builder text = RichText.builder();
    if (!top.isEmpty()) {
      text.bold("Top failures, last " + days + " days").newline();
      int rank = 1;
      for (FailureCount c : top) {
        text.text(rank++ + ". " + c.count() + "× " + c.title());
        if (c.issue() != null) {
          text.text(" · ").link("#" + c.issue().number(), c.issue().url());
        }
        text.newline();
      }
    }
    if (!flakiest.isEmpty()) {
      text.bold("Flakiest tests, last " + days + " days").newline();
      int rank = 1;
      for (FlakyTest t : flakiest) {
        text.text(rank++ + ". ")
            .code(t.test())
            .text(
                " ("
                    + t.repo()
                    + "): passed on re-run "
                    + (t.passes() == 1 ? "once" : t.passes() + " times")
                    + ", "
                    + t.rate().text())
            .newline();
      }
    }
    return CommandReply.of(text.build());
  }
}
