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
      case TELEGRAM -> team.findByTelegram(telegramId(sender.userId()), sender.username());
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

  private static @org.jspecify.annotations.Nullable Long telegramId(String userId) {
    try {
      return Long.valueOf(userId);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
