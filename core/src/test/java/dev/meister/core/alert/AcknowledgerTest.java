package dev.meister.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.chat.AlertId;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.team.MemberId;
import dev.meister.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class AcknowledgerTest {
  private static final MemberId BOB = MemberId.of("bob");
  private static final MemberId CAROL = MemberId.of("carol");
  private static final MessageRef POSTED =
      new MessageRef(ChatRef.of(Platform.SLACK, "C-ALERTS"), "1700000000.000100");
  // Sub-millisecond digits, as the system clock gives, which stores drop.
  private static final Instant T0 = Instant.parse("2026-11-20T03:10:00.123456789Z");

  private final InMemoryAlertStore alerts = new InMemoryAlertStore();
  private final InMemoryMessageLinkStore links = new InMemoryMessageLinkStore();
  private final MutableClock clock = new MutableClock(T0);
  private final Acknowledger acknowledger = new Acknowledger(alerts, links, clock);
  private final Alert alert = alerts.record(newAlert()).alert();

  @Test
  void the_first_to_take_an_alert_keeps_it() {
    AckResult result =
        acknowledger.acknowledge(alert.storedId(), BOB, AckChannel.BUTTON).orElseThrow();

    assertThat(result.first()).isTrue();
    assertThat(result.alert()).isEqualTo(alert);
    assertThat(result.ack())
        .isEqualTo(
            new Acknowledgement(
                alert.storedId(),
                BOB,
                Instant.parse("2026-11-20T03:10:00.123Z"),
                AckChannel.BUTTON));
    assertThat(alerts.acknowledgement(alert.storedId())).contains(result.ack());
  }

  @Test
  void a_later_taker_gets_the_earlier_acknowledgement() {
    Acknowledgement bobs =
        acknowledger.acknowledge(alert.storedId(), BOB, AckChannel.BUTTON).orElseThrow().ack();
    clock.advance(Duration.ofMinutes(2));

    AckResult result =
        acknowledger.acknowledge(alert.storedId(), CAROL, AckChannel.REPLY).orElseThrow();

    assertThat(result.first()).isFalse();
    assertThat(result.ack()).isEqualTo(bobs);
  }

  @Test
  void taking_an_alert_twice_is_not_first_the_second_time() {
    acknowledger.acknowledge(alert.storedId(), BOB, AckChannel.BUTTON);
    clock.advance(Duration.ofSeconds(5));

    AckResult again =
        acknowledger.acknowledge(alert.storedId(), BOB, AckChannel.COMMAND).orElseThrow();

    assertThat(again.first()).isFalse();
    assertThat(again.ack().channel()).isEqualTo(AckChannel.BUTTON);
  }

  @Test
  void a_reply_to_the_alert_message_takes_that_alert() {
    links.link(POSTED, alert.storedId());

    AckResult result = acknowledger.acknowledge(POSTED, CAROL, AckChannel.REPLY).orElseThrow();

    assertThat(result.first()).isTrue();
    assertThat(result.ack().member()).isEqualTo(CAROL);
    assertThat(result.ack().alert()).isEqualTo(alert.storedId());
  }

  @Test
  void a_message_not_linked_to_an_alert_takes_nothing() {
    assertThat(acknowledger.acknowledge(POSTED, CAROL, AckChannel.REPLY)).isEmpty();
  }

  @Test
  void an_unknown_alert_takes_nothing() {
    assertThat(acknowledger.acknowledge(new AlertId(999), BOB, AckChannel.COMMAND)).isEmpty();
    assertThat(alerts.acknowledgement(new AlertId(999))).isEmpty();
  }

  private static Alert newAlert() {
    return new Alert(
        null,
        "airflow:1",
        "af:d:t:Error:000000000000",
        null,
        null,
        AlertPriority.NONE,
        "DAG fail - d.t",
        T0,
        T0,
        AirflowTask.builder("d").taskId("t").build());
  }
}
