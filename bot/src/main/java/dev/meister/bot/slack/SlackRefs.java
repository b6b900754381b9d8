package dev.meister.bot.slack;

import java.util.regex.Pattern;

/**
 * Message ids in Slack: a real message is its {@code ts} ("1700000000.000100"); a slash command,
 * which is no message, gets {@code slash:<trigger_id>} so its answer is posted beside it.
 */
final class SlackRefs {
  private static final Pattern TS = Pattern.compile("\\d+\\.\\d+");
  static final String SLASH = "slash:";

  private SlackRefs() {}

  static boolean isMessageTs(String messageId) {
    return TS.matcher(messageId).matches();
  }
}
