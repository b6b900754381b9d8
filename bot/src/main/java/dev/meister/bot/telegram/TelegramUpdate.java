package dev.meister.bot.telegram;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * The part of a Telegram <a href="https://core.telegram.org/bots/api#update">Update</a> Meister
 * reads: a message (its text, author, chat, topic and the message it replies to) or a button press.
 * Every other field is skipped while reading.
 *
 * <p>Why not telegrambots' own {@code Update}: binding one makes Jackson build and keep a
 * deserializer for its whole object graph (stickers, payments, passports, stories, about 500
 * classes) at the first poll's answer, which was a tenth of an idle bot's memory (97 MiB when
 * ready, 107 MiB after that answer) for the fifteen fields read here. Sending still uses the
 * library.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TelegramUpdate(
    @JsonProperty("update_id") int updateId,
    @JsonProperty("message") @Nullable Message message,
    @JsonProperty("callback_query") @Nullable CallbackQuery callbackQuery)
    implements Serializable {

  /**
   * A message, or what a button press carries of an inaccessible one (only its chat and id, date
   * 0).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Message(
      @JsonProperty("message_id") @Nullable Integer messageId,
      @JsonProperty("from") @Nullable User from,
      @JsonProperty("chat") @Nullable Chat chat,
      @JsonProperty("text") @Nullable String text,
      @JsonProperty("caption") @Nullable String caption,
      @JsonProperty("reply_to_message") @Nullable Message replyToMessage,
      @JsonProperty("message_thread_id") @Nullable Integer messageThreadId,
      @JsonProperty("is_topic_message") @Nullable Boolean topicMessage,
      @JsonProperty("forum_topic_created") @Nullable TopicCreated forumTopicCreated)
      implements Serializable {

    /** Sent in a forum topic (a thread of its own), not merely with a thread id. */
    boolean inTopic() {
      return Boolean.TRUE.equals(topicMessage);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record User(
      @JsonProperty("id") @Nullable Long id,
      @JsonProperty("is_bot") @Nullable Boolean bot,
      @JsonProperty("first_name") @Nullable String firstName,
      @JsonProperty("last_name") @Nullable String lastName,
      @JsonProperty("username") @Nullable String username)
      implements Serializable {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Chat(@JsonProperty("id") @Nullable Long id) implements Serializable {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CallbackQuery(
      @JsonProperty("id") @Nullable String id,
      @JsonProperty("from") @Nullable User from,
      @JsonProperty("message") @Nullable Message message,
      @JsonProperty("data") @Nullable String data)
      implements Serializable {}

  /** A topic's creation message, which every message of the topic "replies" to; read as present. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TopicCreated() implements Serializable {}
}
