package dev.meister.bot.slack;

/**
 * How a core button's action travels through Slack: as {@code action_id} {@code "ack#0"}, the
 * position keeping ids unique within the block.
 */
final class SlackActions {
  private SlackActions() {}

  static String actionId(String action, int position) {
    return action + "#" + position;
  }

  static String action(String actionId) {
    int hash = actionId.lastIndexOf('#');
    return hash < 0 ? actionId : actionId.substring(0, hash);
  }

  /** Slack wants a non-empty value; "-" stands for "no payload". */
  static String payload(String value) {
    return value.equals("-") ? "" : value;
  }

  /** The button's data as {@code ButtonAction.encode} writes it: {@code name:payload}. */
  static String data(String actionId, String value) {
    return action(actionId) + ":" + payload(value);
  }
}
