package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

@DisplayNameGeneration(ReplaceUnderscores.class)
class LifecycleTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(Lifecycle.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final List<String> calls = new ArrayList<>();
  private final Lifecycle lifecycle = new Lifecycle();
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

  private Lifecycle.Component recorded(String name) {
    return Lifecycle.component(
        name, () -> calls.add("start " + name), () -> calls.add("stop " + name));
  }

  @Test
  void starts_in_order_and_stops_in_reverse_with_one_info_line_each() {
    lifecycle.add(recorded("database")).add(recorded("outbox delivery")).add(recorded("webhooks"));

    lifecycle.start();
    lifecycle.close();

    assertThat(calls)
        .containsExactly(
            "start database",
            "start outbox delivery",
            "start webhooks",
            "stop webhooks",
            "stop outbox delivery",
            "stop database");
    assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.INFO);
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("stopped webhooks", "stopped outbox delivery", "stopped database");
  }

  @Test
  void a_part_that_fails_to_start_stops_the_ones_before_it_and_not_the_ones_after() {
    lifecycle
        .add(recorded("database"))
        .add(
            "webhooks",
            () -> {
              throw new IllegalStateException("port 8080 is taken");
            },
            () -> calls.add("stop webhooks"))
        .add(recorded("telegram"));

    assertThatThrownBy(lifecycle::start).hasMessage("port 8080 is taken");

    assertThat(calls).containsExactly("start database", "stop database");
  }

  @Test
  void a_failing_stop_is_one_warning_and_the_others_still_stop() {
    lifecycle
        .add(recorded("database"))
        .add(
            "telegram",
            () -> {},
            () -> {
              throw new IllegalStateException("already closed");
            });
    lifecycle.start();

    lifecycle.close();

    assertThat(calls).containsExactly("start database", "stop database");
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "stopping telegram failed: java.lang.IllegalStateException: already closed",
            "stopped database");
    assertThat(logged.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
  }

  @Test
  void closing_twice_stops_each_part_once() {
    lifecycle.add(recorded("database"));
    lifecycle.start();

    lifecycle.close();
    lifecycle.close();

    assertThat(calls).containsExactly("start database", "stop database");
  }
}
