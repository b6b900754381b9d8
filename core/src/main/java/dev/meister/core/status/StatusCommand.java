package dev.meister.core.status;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.RichText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /status [DAG]}: where the latest run of a configured DAG stands, stage by stage; every
 * configured DAG when none is named. Read-only, so anyone in the chat may ask.
 */
public final class StatusCommand implements CommandHandler {
  private final List<StatusBoard> boards;
  private final StatusReader reader;

  public StatusCommand(List<StatusBoard> boards, StatusReader reader) {
    this.boards = List.copyOf(boards);
    this.reader = reader;
  }

  @Override
  public String name() {
    return "status";
  }

  @Override
  public String usage() {
    return "/status [DAG]";
  }

  @Override
  public String summary() {
    return "where the latest run of a DAG stands, stage by stage";
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    return CommandReply.of(describe(selected(request.args())));
  }

  /** The posts for these boards, one after another; the CLI prints the same text. */
  public RichText describe(List<StatusBoard> selected) {
    RichText.Builder text = RichText.builder();
    for (StatusBoard board : selected) {
      if (!text.isEmpty()) {
        text.newline().newline();
      }
      text.append(StatusMessages.render(reader.read(board), null));
    }
    return text.build();
  }

  /**
   * The boards {@code args} name, by status post name or DAG id; all of them without an argument.
   *
   * @throws IllegalArgumentException naming the known ones, when none matches
   */
  public List<StatusBoard> selected(List<String> args) {
    if (boards.isEmpty()) {
      throw new IllegalArgumentException("no status posts are configured (status_posts)");
    }
    if (args.isEmpty()) {
      return boards;
    }
    String wanted = args.get(0);
    List<StatusBoard> found =
        boards.stream().filter(b -> b.name().equals(wanted) || b.dagId().equals(wanted)).toList();
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "no status post for '"
              + wanted
              + "'; configured: "
              + boards.stream().map(StatusBoard::name).collect(Collectors.joining(", ")));
    }
    return found;
  }
}
