package dev.meister.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.meister.bot.webhook.Outcomes;
import dev.meister.bot.webhook.RawRequest;
import dev.meister.bot.webhook.Verdict;
import dev.meister.bot.webhook.WebhookEndpoint;
import dev.meister.core.chat.ChatEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code POST /hooks/slack} on hostile bytes and headers: slash commands, interactivity payloads
 * and Events API callbacks go through the signature check, Bolt's parsing and routing and Meister's
 * translator. Every request ends in Bolt's acknowledgement (200, or 404 for an event type nobody
 * listens to) or a documented 400/401/413/415, never a failure inside Bolt or the translator.
 *
 * <p>An input is {@code Header: value} lines, a blank line and the body, or the body alone (see
 * {@link RawRequest}); a missing Content-Type, timestamp or signature is filled in with a working
 * one. Seeds: {@code SlackRequestFuzzTestInputs/}.
 */
class SlackRequestFuzzTest {
  private static final String TOKEN = "xoxb-test";
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final SlackSignature SIGNER =
      new SlackSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  /** Events the translator produced, checked after each input (they are handled off-thread). */
  private static final ConcurrentLinkedQueue<ChatEvent> RECEIVED = new ConcurrentLinkedQueue<>();

  private static final WebhookEndpoint HOOK = hook();

  private static WebhookEndpoint hook() {
    try {
      FakeSlackApi slack = new FakeSlackApi(TOKEN);
      SlackReceiver receiver =
          new SlackReceiver(
              new SlackApi(TOKEN, slack.url()), TOKEN, SECRET, Set.of("C0ALERTS"), RECEIVED::add);
      return receiver.webhook(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void every_request_is_acknowledged_or_a_documented_rejection(byte[] input) {
    RawRequest parsed =
        RawRequest.parse(input)
            .withDefault("Content-Type", "application/x-www-form-urlencoded")
            .withDefault(SlackWebhook.TIMESTAMP, String.valueOf(NOW.getEpochSecond()));
    String timestamp = parsed.header(SlackWebhook.TIMESTAMP).orElseThrow();
    RawRequest request =
        parsed.withDefault(SlackWebhook.SIGNATURE, SIGNER.sign(timestamp, parsed.body()));

    Outcomes.of(
        () -> {
          Verdict verdict = request.through(HOOK);
          if (verdict instanceof Verdict.Respond own) {
            // Bolt's own 400 names what is missing, e.g. {"error":"No `actions` property
            // found"} for a block_actions payload without actions (found by -Pfuzz).
            assertThat(own.status()).as("Bolt's answer %s", own.body()).isIn(200, 400, 404);
            if (own.status() == 400) {
              assertThat(own.body()).contains("error");
            }
          }
          // Past the signature check, so the timestamp was fresh: no replay gets through.
          assertThat(
                  new BigInteger(timestamp.strip())
                      .subtract(BigInteger.valueOf(NOW.getEpochSecond()))
                      .abs())
              .isLessThanOrEqualTo(BigInteger.valueOf(SlackSignature.WINDOW.toSeconds()));
          return verdict;
        },
        SECRET);

    ChatEvent event;
    while ((event = RECEIVED.poll()) != null) {
      assertThat(event.chat().chatId()).isNotBlank();
      assertThat(event.sender().userId()).isNotBlank();
      if (event instanceof ChatEvent.Command c) {
        assertThat(c.name()).isEqualTo(c.name().toLowerCase(Locale.ROOT));
      }
    }
  }
}
