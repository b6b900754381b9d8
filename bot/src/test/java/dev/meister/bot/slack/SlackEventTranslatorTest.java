package dev.meister.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.util.json.GsonFactory;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/** Slack's JSON, read by the SDK's own Gson, into chat events. */
@DisplayNameGeneration(ReplaceUnderscores.class)
class SlackEventTranslatorTest {
  private final SlackEventTranslator translator = new SlackEventTranslator();

  private static MessageEvent message(String json) {
    return GsonFactory.createSnakeCase().fromJson(json, MessageEvent.class);
  }

  @Test
  void an_app_mention_is_a_mention_in_its_channel_or_thread() {
    ChatEvent.Mention top =
        (ChatEvent.Mention)
            translator
                .mention(
                    GsonFactory.createSnakeCase()
                        .fromJson(
                            """
        {"type":"app_mention","user":"U0CLIENT","text":"<@U0BOT> is ohlcv late &amp; why?",
         "ts":"1764061300.000300","channel":"C1","event_ts":"1764061300.000300"}
        """,
                            AppMentionEvent.class))
                .orElseThrow();
    ChatEvent.Mention threaded =
        (ChatEvent.Mention)
            translator
                .mention(
                    GsonFactory.createSnakeCase()
                        .fromJson(
                            """
        {"type":"app_mention","user":"U0CLIENT","text":"<@U0BOT> still?",
         "ts":"1764061400.000400","thread_ts":"1764061300.000300","channel":"C1"}
        """,
                            AppMentionEvent.class))
                .orElseThrow();

    assertThat(top.chat()).isEqualTo(ChatRef.of(Platform.SLACK, "C1"));
    assertThat(top.message().messageId()).isEqualTo("1764061300.000300");
    assertThat(top.text()).isEqualTo("<@U0BOT> is ohlcv late & why?");
    assertThat(threaded.chat()).isEqualTo(new ChatRef(Platform.SLACK, "C1", "1764061300.000300"));
  }

  @Test
  void a_reply_in_the_thread_of_a_bot_message_replies_to_its_root_and_is_unescaped() {
    ChatEvent.Reply r =
        (ChatEvent.Reply)
            translator
                .message(
                    message(
                        """
        {"type":"message","channel":"C1","user":"U0BOB","text":"on it &amp; &lt;fast&gt;",
         "ts":"1764061300.000200","thread_ts":"1764061200.000100","parent_user_id":"U0BOT"}
        """),
                    "U0BOT")
                .orElseThrow();

    assertThat(r.text()).isEqualTo("on it & <fast>");
    assertThat(r.replyTo().messageId()).isEqualTo("1764061200.000100");
    assertThat(r.chat().threadId()).isEqualTo("1764061200.000100");
    assertThat(r.message().messageId()).isEqualTo("1764061300.000200");
  }

  @Test
  void top_level_messages_bot_messages_and_other_peoples_threads_are_no_events() {
    assertThat(
            translator.message(
                message(
                    """
        {"type":"message","channel":"C1","user":"U0BOB","text":"looking","ts":"1.1"}
        """),
                "U0BOT"))
        .isEmpty();
    assertThat(
            translator.message(
                message(
                    """
        {"type":"message","channel":"C1","user":"U0X","bot_id":"B9","text":"looking",
         "ts":"1.2","thread_ts":"1.1","parent_user_id":"U0BOT"}
        """),
                "U0BOT"))
        .isEmpty();
    assertThat(
            translator.message(
                message(
                    """
        {"type":"message","channel":"C1","user":"U0BOB","text":"looking",
         "ts":"1.2","thread_ts":"1.1","parent_user_id":"U0ALICE"}
        """),
                "U0BOT"))
        .isEmpty();
  }

  @Test
  void a_reply_without_its_own_ts_or_with_a_blank_channel_is_no_event() {
    // Found by -Pfuzz: a reply without "ts" threw in MessageRef, and the request was a 500.
    assertThat(
            translator.message(
                message(
                    """
        {"type":"message","channel":"C1","user":"U0BOB","text":"looking",
         "thread_ts":"1.1","parent_user_id":"U0BOT"}
        """),
                "U0BOT"))
        .isEmpty();
    assertThat(
            translator.message(
                message(
                    """
        {"type":"message","channel":" ","user":"U0BOB","text":"looking",
         "ts":"1.2","thread_ts":"1.1","parent_user_id":"U0BOT"}
        """),
                "U0BOT"))
        .isEmpty();
  }

  @Test
  void a_press_on_a_message_inside_a_thread_keeps_the_thread() {
    BlockActionPayload p =
        GsonFactory.createSnakeCase()
            .fromJson(
                """
        {"type":"block_actions","user":{"id":"U0BOB","username":"bob","name":"bob"},
         "container":{"type":"message","message_ts":"1.5","channel_id":"C1","thread_ts":"1.1"},
         "channel":{"id":"C1","name":"alerts"},"trigger_id":"t1",
         "actions":[{"action_id":"ack#0","block_id":"meister-actions","value":"17",
                     "type":"button","action_ts":"1.6"}]}
        """,
                BlockActionPayload.class);

    ChatEvent.ButtonPress press = (ChatEvent.ButtonPress) translator.press(p).orElseThrow();

    assertThat(press.data()).isEqualTo("ack:17");
    assertThat(press.action()).contains(new dev.meister.core.chat.ButtonAction.Ack(17));
    assertThat(press.message().messageId()).isEqualTo("1.5");
    assertThat(press.chat().threadId()).isEqualTo("1.1");
  }

  @Test
  void a_press_by_a_user_without_an_id_is_no_event() {
    // Found by -Pfuzz: the press came through with no sender to check for team membership.
    BlockActionPayload p =
        GsonFactory.createSnakeCase()
            .fromJson(
                """
        {"type":"block_actions","user":{"username":"bob","name":"bob"},
         "container":{"type":"message","message_ts":"1.5","channel_id":"C1"},
         "channel":{"id":"C1","name":"alerts"},"trigger_id":"t1",
         "actions":[{"action_id":"ack#0","value":"17","type":"button","action_ts":"1.6"}]}
        """,
                BlockActionPayload.class);

    assertThat(translator.press(p)).isEmpty();
  }
}
