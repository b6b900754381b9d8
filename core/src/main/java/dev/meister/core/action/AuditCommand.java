package dev.meister.core.action;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.RichText;
import java.util.List;

/** {@code /audit [N]}: the latest N steps of runbook action requests, newest first, with who. */
public final class AuditCommand implements CommandHandler {
  static final int DEFAULT = 10;
  static final int MAX = 50;

  private final ActionLog log;

  public AuditCommand(ActionLog log) {
    this.log = log;
  }

  @Override
  public String name() {
    return "audit";
  }

  @Override
  public String usage() {
    return "/audit [N]";
  }

  @Override
  public String summary() {
    return "the latest N steps of runbook actions (default "
        + DEFAULT
        + "): who asked, approved,"
        + " what ran";
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    if (request.args().size() > 1) {
      throw new IllegalArgumentException("Usage: " + usage() + ", e.g. /audit 20.");
    }
    int n = request.args().isEmpty() ? DEFAULT : count(request.args().get(0));
    List<String> lines = log.latest(n);
    if (lines.isEmpty()) {
      return CommandReply.plain("No runbook actions yet.");
    }
    RichText.Builder text =
        RichText.builder().bold("Runbook actions, latest " + lines.size() + " steps:");
    for (String line : lines) {
      text.newline().text(line);
    }
    return CommandReply.of(text.build());
  }

  private static int count(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= MAX) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the message
    }
    throw new IllegalArgumentException("N must be a number from 1 to " + MAX + ".");
  }
}
