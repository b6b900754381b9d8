package dev.meister.core.schedule;

import dev.meister.core.chat.CommandHandler;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import java.util.List;

/**
 * {@code /swap @dave [ROTATION]}: asks Dave to exchange his next shift with yours; he answers with
 * the buttons or {@code /swap accept ID}.
 */
public final class SwapCommand implements CommandHandler {
  private final ScheduleRequests requests;
  private final RequestArguments arguments;

  public SwapCommand(ScheduleRequests requests, RequestArguments arguments) {
    this.requests = requests;
    this.arguments = arguments;
  }

  @Override
  public String name() {
    return "swap";
  }

  @Override
  public String usage() {
    return "/swap @NAME [ROTATION] · /swap accept|decline ID";
  }

  @Override
  public String summary() {
    return "ask someone to exchange your next shift with theirs (they confirm)";
  }

  @Override
  public boolean changesState() {
    return true;
  }

  @Override
  public boolean storesOnly() {
    return true;
  }

  @Override
  public CommandReply handle(CommandRequest request) {
    List<String> args = request.args();
    Member member = request.sender().orElseThrow();
    if (RequestArguments.answerGiven(requests, args, member, request, usage())) {
      return CommandReply.none();
    }
    if (args.isEmpty() || args.size() > 2) {
      throw new IllegalArgumentException("Usage: " + usage());
    }
    MemberId other = arguments.member(args.get(0), member.id());
    Rotation rotation =
        arguments.rotation(
            args.size() == 2 ? args.get(1) : null, member.id(), request.event().chat());
    requests.requestSwap(rotation, member.id(), other, request.event().chat());
    return CommandReply.none();
  }
}
