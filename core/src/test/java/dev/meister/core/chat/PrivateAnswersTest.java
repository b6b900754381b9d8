package dev.meister.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A command's private answer through the router: straight to the port's {@link
 * ChatPort#answerPrivately}, never into the queue; the chat is told only where to look, or that it
 * could not be sent.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PrivateAnswersTest {
  private static final ChatRef CHAT = ChatRef.of(Platform.TELEGRAM, "-100");

  private final List<String> whispered = new ArrayList<>();
  private final List<String> queued = new ArrayList<>();
  private PrivateAnswer where = PrivateAnswer.DIRECT_MESSAGE;
  private boolean refuse;

  private final ChatPort port =
      new ChatPort() {
        @Override
        public Platform platform() {
          return Platform.TELEGRAM;
        }

        @Override
        public MessageRef post(ChatRef chat, OutgoingMessage message) {
          throw new UnsupportedOperationException();
        }

        @Override
        public MessageRef reply(MessageRef to, OutgoingMessage message) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void edit(MessageRef message, OutgoingMessage replacement) {
          throw new UnsupportedOperationException();
        }

        @Override
        public PrivateAnswer answerPrivately(ChatEvent event, OutgoingMessage message) {
          if (refuse) {
            throw new ChatDeliveryException("403 Forbidden", false, null, null);
          }
          whispered.add(event.sender().userId() + " " + message.text().plainText());
          return where;
        }
      };

  private final ChatRouter router =
      new ChatRouter(
          routes(), new ChatAnswers(new ChatPorts(List.of(port)), queue()), new Direct());

  /** Runs the work as it comes: the test has no database. */
  private static final class Direct implements dev.meister.core.tx.Transactions {
    @Override
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
      return work.get();
    }
  }

  @Test
  void a_private_answer_goes_to_the_asker_and_the_chat_hears_where() {
    router.handle(Inbound.of(command()));

    assertThat(whispered).containsExactly("7 the secret");
    assertThat(queued).containsExactly("1 " + ChatAnswers.SENT_PRIVATELY);
  }

  @Test
  void an_answer_shown_in_place_needs_no_note_in_the_chat() {
    where = PrivateAnswer.IN_PLACE;

    router.handle(Inbound.of(command()));

    assertThat(whispered).hasSize(1);
    assertThat(queued).isEmpty();
  }

  @Test
  void a_private_answer_the_platform_refuses_is_never_posted_publicly() {
    refuse = true;

    router.handle(Inbound.of(command()));

    assertThat(queued).containsExactly("1 " + ChatAnswers.NOT_SENT_PRIVATELY);
    assertThat(queued).noneMatch(q -> q.contains("the secret"));
  }

  @Test
  void a_chat_without_private_answers_refuses_by_default() {
    ChatPort plain =
        new ChatPort() {
          @Override
          public Platform platform() {
            return Platform.SLACK;
          }

          @Override
          public MessageRef post(ChatRef chat, OutgoingMessage message) {
            throw new UnsupportedOperationException();
          }

          @Override
          public MessageRef reply(MessageRef to, OutgoingMessage message) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void edit(MessageRef message, OutgoingMessage replacement) {
            throw new UnsupportedOperationException();
          }
        };

    assertThat(
            new ChatAnswers(new ChatPorts(List.of(plain)), queue())
                .answerPrivately(command(), OutgoingMessage.plain("x")))
        .isFalse();
  }

  private ChatRoutes routes() {
    ChatRoutes routes = new ChatRoutes();
    routes.command(
        new CommandHandler() {
          @Override
          public String name() {
            return "secret";
          }

          @Override
          public String usage() {
            return "/secret";
          }

          @Override
          public String summary() {
            return "a secret";
          }

          @Override
          public boolean storesOnly() {
            return true;
          }

          @Override
          public CommandReply handle(CommandRequest request) {
            return CommandReply.privately(OutgoingMessage.plain("the secret"));
          }
        });
    return routes;
  }

  private ReplyQueue queue() {
    return new ReplyQueue() {
      @Override
      public void reply(MessageRef to, OutgoingMessage message) {
        queued.add(to.messageId() + " " + message.text().plainText());
      }

      @Override
      public void post(ChatRef chat, OutgoingMessage message) {
        queued.add(chat + " " + message.text().plainText());
      }
    };
  }

  private static ChatEvent.Command command() {
    return new ChatEvent.Command(
        CHAT,
        new Sender(Platform.TELEGRAM, "7", "bob", "Bob"),
        new MessageRef(CHAT, "1"),
        "secret",
        List.of(),
        null);
  }
}
