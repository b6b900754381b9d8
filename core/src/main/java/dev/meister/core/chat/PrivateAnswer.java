package dev.meister.core.chat;

/** Where a chat put an answer only its asker may see. */
public enum PrivateAnswer {
  /**
   * In the conversation the asker wrote in, visible to them alone: a Slack ephemeral message, a
   * line on the console.
   */
  IN_PLACE,
  /**
   * In a direct conversation with the asker (Telegram, Discord), so the conversation they wrote in
   * is told where to look.
   */
  DIRECT_MESSAGE
}
