package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatLink;
import dev.meister.core.chat.RetryDelays;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayNameGeneration(ReplaceUnderscores.class)
class ConnectorTest {
  private static final RetryDelays DELAYS =
      new RetryDelays(Duration.ofSeconds(1), Duration.ofSeconds(8));

  private final Logger logger = (Logger) LoggerFactory.getLogger(ChatLink.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final ChatLink link = new ChatLink("telegram");
  private final List<Duration> pauses = new ArrayList<>();
  private Level before;

  @BeforeEach
  void capture() {
    before = logger.getLevel();
    logger.setLevel(Level.INFO);
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logged);
    logger.setLevel(before);
  }

  /** Fails the first {@code failures} tries as an unreachable Telegram would. */
  private Connector.Attempt failing(int failures) {
    int[] tries = {0};
    return () -> {
      if (tries[0]++ < failures) {
        throw new ChatDeliveryException(
            "getMe failed: ConnectException: Connection refused",
            true,
            null,
            new java.net.ConnectException("Connection refused"));
      }
    };
  }

  @Test
  void retries_with_capped_exponential_backoff_until_the_chat_answers() {
    Connector connector = new Connector(link, failing(6), DELAYS);

    boolean connected =
        connector.connect(
            wait -> {
              pauses.add(wait);
              return false;
            });

    assertThat(connected).isTrue();
    assertThat(link.isUp()).isTrue();
    assertThat(pauses)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(8),
            Duration.ofSeconds(8));
  }

  @Test
  void six_failed_tries_log_one_warning_without_a_stack_trace_then_one_line_when_connected() {
    new Connector(link, failing(6), DELAYS).connect(wait -> false);

    assertThat(logged.list)
        .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Level.WARN,
                "telegram: unreachable, retrying in"
                    + " the background: getMe failed: ConnectException: Connection refused"),
            org.assertj.core.groups.Tuple.tuple(Level.INFO, "telegram: reachable again"));
    assertThat(logged.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
  }

  @Test
  void stops_trying_when_the_bot_stops_during_a_pause() {
    Connector connector = new Connector(link, failing(100), DELAYS);

    boolean connected =
        connector.connect(
            wait -> {
              pauses.add(wait);
              return pauses.size() == 3;
            });

    assertThat(connected).isFalse();
    assertThat(pauses).hasSize(3);
    assertThat(link.problem())
        .contains("telegram: getMe failed: ConnectException: Connection refused");
  }

  @Test
  void a_chat_that_answers_at_once_is_connected_without_a_warning() {
    new Connector(link, failing(0), DELAYS).connect(wait -> false);

    assertThat(link.isUp()).isTrue();
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("telegram: connected");
  }
}
