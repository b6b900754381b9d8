package dev.meister.core.filing;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.RichText;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** {@code /top [DAYS]}: the most common failures by root cause, with counts and their issues. */
public final class TopCommand implements CommandHandler {
  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 366;
  static final int SHOWN = 10;

  private final BreakLog log;
  private final Clock clock;

  public TopCommand(BreakLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
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
    return "the most common failures of the last DAYS days (default " + DEFAULT_DAYS + ")";
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    int days =
        request.args().isEmpty()
            ? DEFAULT_DAYS
            : Counts.parse(request.args().get(0), MAX_DAYS, "DAYS");
    List<FailureCount> top =
        TopFailures.of(log.since(clock.instant().minus(Duration.ofDays(days))), SHOWN);
    if (top.isEmpty()) {
      return CommandReply.plain("No failures in the last " + days + " days.");
    }
    RichText.Builder text =
        RichText.builder().bold("Top failures, last " + days + " days").newline();
    int rank = 1;
    for (FailureCount c : top) {
      text.text(rank++ + ". " + c.count() + "× " + c.title());
      if (c.issue() != null) {
        text.text(" · ").link("#" + c.issue().number(), c.issue().url());
      }
      text.newline();
    }
    return CommandReply.of(text.build());
  }
}
