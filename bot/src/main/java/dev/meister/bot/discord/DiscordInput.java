package dev.meister.bot.discord;

import org.jspecify.annotations.Nullable;

/**
 * What the gateway delivered, reduced to the fields Meister reads: JDA's event objects need a live
 * gateway session, these do not, so the translation is tested on them and the JDA glue stays thin.
 */
public sealed interface DiscordInput {
  /** The channel (or thread) it happened in. */
  String channelId();

  /** For a thread, the channel it belongs to; null otherwise. */
  @Nullable String parentChannelId();

  User user();

  /** Who acted: Discord's snowflake, username and the name shown in the server. */
  record User(String id, String username, String displayName, boolean bot) {}

  /**
   * A slash command, already deferred by the gateway ("Meister is thinking…").
   *
   * @param args the text of its {@code args} option, blank when not given
   */
  record SlashCommand(
      String channelId,
      @Nullable String parentChannelId,
      User user,
      String name,
      String args,
      String applicationId,
      String token)
      implements DiscordInput {}

  /** A press of a button on one of the bot's messages, already deferred by the gateway. */
  record ButtonClick(
      String channelId,
      @Nullable String parentChannelId,
      User user,
      String messageId,
      String customId,
      String applicationId,
      String token)
      implements DiscordInput {}

  /**
   * A message sent as a reply (message reference) to another message.
   *
   * @param repliesToBot whether the referenced message is the bot's own
   */
  record MessageReply(
      String channelId,
      @Nullable String parentChannelId,
      User user,
      String messageId,
      String text,
      String referencedMessageId,
      boolean repliesToBot)
      implements DiscordInput {}

  /**
   * Any other message the gateway shows the bot: one that mentions it, or that replies to someone
   * else's message (a typed {@code /triage} under a client's question).
   *
   * @param mentionsBot whether the message mentions the bot itself (not {@code @everyone})
   * @param quoted the message it replies to, when that is not the bot's
   */
  record ChannelMessage(
      String channelId,
      @Nullable String parentChannelId,
      User user,
      String messageId,
      String text,
      boolean mentionsBot,
      @Nullable Quoted quoted)
      implements DiscordInput {}

  /** Someone else's message that a message replies to. */
  record Quoted(String messageId, User author, String text) {}
}
