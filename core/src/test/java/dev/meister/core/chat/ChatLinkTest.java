package dev.meister.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ChatLinkTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(ChatLink.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final ChatLink link = new ChatLink("telegram");

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

  @Test
  void an_outage_of_many_failed_attempts_logs_one_warning_without_a_stack_trace() {
    for (int i = 0; i < 10; i++) {
      link.down("getUpdates failed: ConnectException: Connection refused");
    }

    assertThat(logged.list)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.WARN);
              assertThat(e.getFormattedMessage())
                  .isEqualTo(
                      "telegram: unreachable, retrying in the"
                          + " background: getUpdates failed: ConnectException: Connection refused");
              assertThat(e.getThrowableProxy()).isNull();
            });
  }

  @Test
  void coming_back_logs_one_info_line_and_tells_the_listeners_once() {
    AtomicInteger woken = new AtomicInteger();
    link.whenUp(woken::incrementAndGet);
    link.down("connect timed out");

    link.up();
    link.up();
    link.up();

    assertThat(logged.list)
        .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Level.WARN, "telegram: unreachable, retrying in the background: connect timed out"),
            org.assertj.core.groups.Tuple.tuple(Level.INFO, "telegram: reachable again"));
    assertThat(woken).hasValue(1);
  }

  @Test
  void counts_failures_in_a_row_and_starts_over_once_up() {
    assertThat(link.down("a")).isEqualTo(1);
    assertThat(link.down("b")).isEqualTo(2);

    link.up();

    assertThat(link.down("c")).isEqualTo(1);
  }

  @Test
  void says_why_it_cannot_be_used_until_it_is_up() {
    assertThat(link.problem()).contains("telegram: connecting");

    link.down("getMe failed: [502] Bad Gateway");
    assertThat(link.problem()).contains("telegram: getMe failed: [502] Bad Gateway");
    assertThat(link.isUp()).isFalse();

    link.up();
    assertThat(link.problem()).isEmpty();
    assertThat(link.isUp()).isTrue();
  }

  @Test
  void backoff_doubles_from_the_first_delay_up_to_the_cap() {
    RetryDelays delays = new RetryDelays(Duration.ofSeconds(1), Duration.ofSeconds(30));

    assertThat(java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(delays::after))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(16),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    assertThat(delays.after(1_000)).isEqualTo(Duration.ofSeconds(30));
  }
}
