package dev.meister.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.bot.airflow.FakeAirflow;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.bot.telegram.FakeTelegramApi;
import dev.meister.bot.telegram.TelegramApi;
import dev.meister.bot.telegram.TelegramChatPort;
import dev.meister.bot.telegram.TelegramRenderer;
import dev.meister.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily status post end to end on loopback: a fake Airflow 3 whose run progresses between
 * polls, SQLite, the outbox and a fake Telegram Bot API. One message is posted and then edited in
 * place; time moves by an injected clock, nothing sleeps.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StatusPostFlowTest {
  private static final String TOKEN = "123:fake-token";
  private static final String CHAT = "-1001234567890";

  @TempDir Path dir;
  private FakeTelegramApi telegram;
  private FakeAirflow airflow;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private Meister meister;
  private TelegramApi api;
  private BotRuntime runtime;

  @BeforeEach
  void start() throws Exception {
    telegram = new FakeTelegramApi(TOKEN);
    airflow = FakeAirflow.v2Running();
    boot();
  }

  private void boot() throws Exception {
    Path file = dir.resolve("meister.yml");
    Files.writeString(
        file,
        """
        team:
          members:
            alice: { name: Alice Doe, telegram: alice_d, telegram_id: 100001, roles: [team_lead] }
        rotations:
          datameister:
            name: Datameister
            zone: America/Sao_Paulo
            shift: 1w
            handoff: { day: monday, time: "11:00" }
            anchor: 2026-11-16
            roster: [alice]
            chat: telegram/data
        chats:
          telegram:
            token: ${TELEGRAM_BOT_TOKEN}
            chats:
              data: { chat_id: %s }
        airflow:
          prod:
            url: %s
            api: v2
            token: ${AIRFLOW_API_TOKEN}
        status_posts:
          - name: dagao
            dag: prod-dagao
            airflow: prod
            chats: [telegram/data]
            schedule: { cron: "0 7 * * *", zone: America/Sao_Paulo }
            poll_every: 5m
            stop_after: 8h
            stages:
              - { name: Contracts, calculate: itaipu-contracts }
              - { name: Financial Reports, calculate: finance }
              - { name: Facts & Dimensions, calculate: itaipu-dimensional-modeling, load: capivara-dm }
              - { name: Models and Policies, calculate: itaipu-policies }
              - { name: Other datasets, calculate: itaipu-rest, load: capivara-rest }
        """
            .formatted(CHAT, airflow.url()));
    MeisterConfig cfg =
        new ConfigLoader(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "AIRFLOW_API_TOKEN", "af-token"))
            .load(file, SecretPolicy.REQUIRED);
    meister = Meister.open(cfg, dir.resolve("meister.db"), clock);
    api = new TelegramApi(TOKEN, telegram.url());
    runtime =
        new BotRuntime(
            meister, List.of(new TelegramChatPort(api, new TelegramRenderer(cfg.team()))), clock);
  }

  @AfterEach
  void stop() throws Exception {
    shutDown();
    telegram.close();
    airflow.close();
  }

  private void shutDown() throws Exception {
    runtime.close();
    api.close();
    meister.close();
  }

  private int pollAfter(Duration wait) {
    clock.advance(wait);
    int edits = runtime.statusPosts().pollDue();
    runtime.worker().deliverDue();
    return edits;
  }

  private String lastEdit() {
    List<JsonNode> edits = telegram.requests("editMessageText");
    JsonNode edit = edits.get(edits.size() - 1);
    assertThat(edit.path("message_id").asInt()).isEqualTo(100);
    assertThat(edit.path("chat_id").asText()).isEqualTo(CHAT);
    return edit.path("text").asText();
  }

  @Test
  void the_daily_post_goes_out_once_in_telegram_html_with_each_stage() {
    int posted = runtime.statusPosts().publish("dagao");
    int again = runtime.statusPosts().publish("dagao");
    runtime.worker().deliverDue();

    assertThat(posted).isEqualTo(1);
    assertThat(again).isZero();
    JsonNode sent = telegram.onlyRequest("sendMessage");
    assertThat(sent.path("parse_mode").asText()).isEqualTo("html");
    assertThat(sent.path("text").asText())
        .isEqualTo(
            """
        <b>dagao</b> (<code>prod-dagao</code>) run of Sun 22 Nov 23:00 BRT: running
        ✅ <b>Contracts</b> were calculated and loaded
        ✅ <b>Financial Reports</b> were calculated and loaded
        ⏩ <b>Facts &amp; Dimensions</b> were calculated and are being loaded
        ▶️ <b>Models and Policies</b> are being calculated
        ❌ <b>Other datasets</b> have to be calculated""");
    assertThat(airflow.authorizations()).containsOnly("Bearer af-token");
  }

  @Test
  void the_same_message_is_edited_as_the_run_progresses_until_it_ends() {
    runtime.statusPosts().publish("dagao");
    runtime.worker().deliverDue();

    airflow.state("capivara-dm", "success");
    airflow.state("itaipu-policies", "success");
    airflow.state("itaipu-rest", "running");
    int first = pollAfter(Duration.ofMinutes(5));
    String progressed = lastEdit();
    int early = pollAfter(Duration.ofMinutes(1));
    int unchanged = pollAfter(Duration.ofMinutes(5));
    airflow.state("itaipu-rest", "success");
    int loading = pollAfter(Duration.ofMinutes(5));
    String beingLoaded = lastEdit();
    airflow.state("capivara-rest", "success");
    airflow.runState("success");
    int done = pollAfter(Duration.ofMinutes(5));
    String finished = lastEdit();
    int requestsAtEnd = airflow.requests().size();
    int after = pollAfter(Duration.ofMinutes(30));

    assertThat(List.of(first, early, unchanged, loading, done, after))
        .containsExactly(1, 0, 0, 1, 1, 0);
    assertThat(progressed)
        .contains(
            "✅ <b>Facts &amp; Dimensions</b> were calculated and loaded\n",
            "✅ <b>Models and Policies</b> were calculated and loaded\n",
            "▶️ <b>Other datasets</b> are being calculated");
    assertThat(beingLoaded)
        .contains("⏩ <b>Other datasets</b> were calculated and are being loaded");
    assertThat(finished)
        .contains("✅ <b>Other datasets</b> were calculated and loaded")
        .doesNotContain("⏩", "▶️", "❌")
        .endsWith("Run succeeded at 01:11 BRT");
    assertThat(telegram.requests("sendMessage")).hasSize(1);
    assertThat(airflow.requests()).hasSize(requestsAtEnd);
  }

  @Test
  void airflow_down_shows_in_the_post_and_the_next_poll_recovers() {
    runtime.statusPosts().publish("dagao");
    runtime.worker().deliverDue();

    airflow.failNext(1);
    int down = pollAfter(Duration.ofMinutes(5));
    String warning = lastEdit();
    airflow.state("capivara-dm", "success");
    int recovered = pollAfter(Duration.ofMinutes(5));
    String back = lastEdit();

    assertThat(down).isEqualTo(1);
    assertThat(warning)
        .contains(
            "⚠️ Cannot read the run from Airflow (07:05 BRT): Airflow" + " 'prod' at 127.0.0.1:",
            "answered HTTP 503 for DAG prod-dagao\n"
                + "Last known, as of 07:00 BRT:\n✅ <b>Contracts</b>");
    assertThat(recovered).isEqualTo(1);
    assertThat(back)
        .doesNotContain("⚠️")
        .contains("✅ <b>Facts &amp; Dimensions</b> were calculated and loaded\n");
  }

  @Test
  void a_restart_keeps_editing_the_message_posted_before_it() throws Exception {
    runtime.statusPosts().publish("dagao");
    runtime.worker().deliverDue();

    shutDown();
    boot();
    airflow.state("capivara-dm", "success");
    int edits = pollAfter(Duration.ofMinutes(5));
    int repost = runtime.statusPosts().publish("dagao");

    assertThat(edits).isEqualTo(1);
    assertThat(lastEdit()).contains("✅ <b>Facts &amp; Dimensions</b> were calculated and loaded\n");
    assertThat(repost).isZero();
    assertThat(telegram.requests("sendMessage")).hasSize(1);
  }

  @Test
  void a_post_not_yet_delivered_is_edited_once_the_chat_has_it() {
    telegram.failNext(
        "sendMessage",
        1,
        502,
        "{\"ok\":false,\"error_code\":502," + "\"description\":\"Bad Gateway\"}");
    runtime.statusPosts().publish("dagao");
    runtime.worker().deliverDue();

    airflow.state("capivara-dm", "success");
    int whileUndelivered = pollAfter(Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(1));
    runtime.worker().deliverDue();
    int afterDelivery = pollAfter(Duration.ofMinutes(5));

    assertThat(whileUndelivered).isZero();
    assertThat(afterDelivery).isEqualTo(1);
    assertThat(lastEdit()).contains("✅ <b>Facts &amp; Dimensions</b> were calculated and loaded\n");
  }

  @Test
  void yesterdays_finished_run_is_followed_until_todays_run_ends() {
    airflow.runState("success");
    airflow.endedAt("2026-11-22T05:00:00Z");
    runtime.statusPosts().publish("dagao");
    runtime.worker().deliverDue();

    int requestsAfterPost = airflow.requests().size();
    pollAfter(Duration.ofMinutes(5));
    int requestsStillFollowing = airflow.requests().size();
    airflow.endedAt("2026-11-23T09:00:00Z");
    pollAfter(Duration.ofMinutes(5));
    int requestsWhenOver = airflow.requests().size();
    pollAfter(Duration.ofMinutes(5));

    assertThat(requestsStillFollowing).isGreaterThan(requestsAfterPost);
    assertThat(requestsWhenOver).isGreaterThan(requestsStillFollowing);
    assertThat(airflow.requests()).hasSize(requestsWhenOver);
  }

  @Test
  void following_stops_at_the_deadline_even_if_the_run_goes_on() {
    runtime.statusPosts().publish("dagao");
    runtime.worker().deliverDue();

    airflow.state("capivara-dm", "success");
    int afterDeadline = pollAfter(Duration.ofHours(8));
    int later = pollAfter(Duration.ofMinutes(5));

    assertThat(afterDeadline).isZero();
    assertThat(later).isZero();
    assertThat(telegram.requests("editMessageText")).isEmpty();
  }

  @Test
  void status_in_chat_answers_with_the_same_post() {
    var reply =
        meister
            .statusCommand()
            .handle(
                new dev.meister.core.chat.CommandRequest(
                    new dev.meister.core.chat.ChatEvent.Command(
                        dev.meister.core.chat.ChatRef.of(
                            dev.meister.core.chat.Platform.TELEGRAM, CHAT),
                        new dev.meister.core.chat.Sender(
                            dev.meister.core.chat.Platform.TELEGRAM, "5", null, "Someone"),
                        new dev.meister.core.chat.MessageRef(
                            dev.meister.core.chat.ChatRef.of(
                                dev.meister.core.chat.Platform.TELEGRAM, CHAT),
                            "9"),
                        "status",
                        List.of("prod-dagao"),
                        null),
                    null));

    assertThat(reply.message().text().plainText())
        .contains(":fast_forward: Facts & Dimensions were calculated and are being loaded");
  }
}
