package dev.meister.core.chat;

import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.Optional;

/** Finds the team member behind a chat sender, by the identity each platform gives. */
public final class MemberResolver {
  private final Team team;

  public MemberResolver(Team team) {
    this.team = team;
  }

  public Optional<Member> memberFor(Sender sender) {
    return switch (sender.platform()) {
      case TELEGRAM ->
          team.findByTelegram(telegramId(sender.userId()).orElse(null), sender.username());
      case SLACK -> team.findBySlack(sender.userId());
      case DISCORD -> team.findByDiscord(sender.userId());
      default -> consoleMember(sender.userId());
    };
  }

  private Optional<Member> consoleMember(String userId) {
    try {
      return team.find(MemberId.of(userId));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /** Telegram ids are numbers; anything else (a test's handle) matches by username only. */
  private static Optional<Long> telegramId(String userId) {
    try {
      return Optional.of(Long.valueOf(userId));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
