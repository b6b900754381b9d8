package dev.meister.core.filing;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.RichText;
import java.util.List;

/** {@code /postmortem [N]}: the last N breaks, newest first, with reason, issue and solution. */
public final class PostmortemCommand implements CommandHandler {
  static final int DEFAULT = 10;
  static final int MAX = 50;

  private final BreakLog log;

  public PostmortemCommand(BreakLog log) {
    this.log = log;
  }

  @Override
  public String name() {
    return "postmortem";
  }

  @Override
  public String usage() {
    return "/postmortem [N]";
  }

  @Override
  public String summary() {
    return "the last N breaks (default " + DEFAULT + ") with reason, issue and solution";
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    int n = request.args().isEmpty() ? DEFAULT : Counts.parse(request.args().get(0), MAX, "N");
    List<Break> breaks = log.recent(n);
    if (breaks.isEmpty()) {
      return CommandReply.plain("No breaks logged yet.");
    }
    RichText.Builder text =
        RichText.builder().bold("Post-mortem log (last " + breaks.size() + ")").newline();
    for (Break b : breaks) {
      text.text(b.date() + " ");
      String label = "#" + b.alert().storedId() + " " + b.alert().title();
      if (b.link().isEmpty()) {
        text.text(label);
      } else {
        text.link(label, b.link());
      }
      b.issueLink()
          .ifPresent(l -> text.text(" · ").link("#" + l.issue().number(), l.issue().url()));
      text.newline()
          .text("    ")
          .text(b.resolved().map(r -> r.reason() + " → " + r.solution()).orElse("not resolved yet"))
          .newline();
      for (String action : b.actions()) {
        text.text("    " + EmojiNames.unicode("hammer_and_wrench") + " " + action).newline();
      }
    }
    return CommandReply.of(text.build());
  }
}
