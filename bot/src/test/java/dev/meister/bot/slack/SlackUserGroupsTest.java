package dev.meister.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.delivery.OutboxEntry;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleChanges;
import dev.meister.core.usergroup.GroupRule;
import dev.meister.core.usergroup.OnCallGroups;
import dev.meister.storage.Storage;
import dev.meister.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slack_group: { handle: hausmeister, level2: true }} on the example Hausmeister rotation,
 * against the loopback Slack API, driven by the clock: created, moved at the weekend boundary,
 * retried through an outage, a missing scope said once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SlackUserGroupsTest {
  /** Wednesday of Dave's week; Grace is Level 2. */
  private static final Instant WEDNESDAY = Instant.parse("2026-11-25T09:00:00Z");

  /** Friday 17:00 in Berlin: the weekend on-call (Dave's turn is over) takes the primary. */
  private static final Instant FRIDAY_17 = Instant.parse("2026-11-27T16:00:00Z");

  private static final ChatRef HAUS_CHAT = ChatRef.of(Platform.SLACK, "C0123ABC");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(WEDNESDAY);
  private FakeSlackApi slack;
  private SlackApi api;
  private Storage storage;
  private OnCallGroups groups;

  @BeforeEach
  void start() throws Exception {
    MeisterConfig config =
        new ConfigLoader(Map.of())
            .load(Path.of("..", "examples", "meister.yml"), SecretPolicy.OPTIONAL);
    slack = new FakeSlackApi("xoxb-test");
    api = new SlackApi("xoxb-test", slack.url());
    storage = Storage.open(dir.resolve("meister.db"), clock);
    OnCallDirectory directory =
        new OnCallDirectory(
            config.rotations(),
            storage.overrides(),
            new ScheduleChanges(config.overrides(), List.of(), config.unavailability()),
            clock);
    groups =
        new OnCallGroups(
            List.of(new GroupRule(RotationId.of("hausmeister"), "hausmeister", true)),
            directory,
            config.team(),
            storage.userGroups(),
            new SlackUserGroups(api),
            Map.of(RotationId.of("hausmeister"), HAUS_CHAT),
            storage.outbox(),
            storage.database());
  }

  @AfterEach
  void stop() throws Exception {
    api.close();
    slack.close();
    storage.close();
  }

  @Test
  void the_group_is_created_with_the_on_call_and_level_2_and_follows_the_weekend_boundary() {
    Optional<Instant> next = groups.runDue(WEDNESDAY);

    assertThat(slack.userGroupMembers("hausmeister")).containsExactly("U0DAVE", "U0GRACE");
    assertThat(slack.calls("usergroups.create"))
        .singleElement()
        .satisfies(c -> assertThat(c.path("handle").asText()).isEqualTo("hausmeister"));
    assertThat(next).contains(FRIDAY_17);

    groups.runDue(WEDNESDAY.plusSeconds(60));
    assertThat(slack.calls("usergroups.users.update")).as("nothing changed").hasSize(1);

    clock.set(FRIDAY_17);
    groups.runDue(FRIDAY_17);

    assertThat(slack.userGroupMembers("hausmeister")).first().isNotEqualTo("U0DAVE");
    assertThat(slack.calls("usergroups.create")).as("created once").hasSize(1);
  }

  @Test
  void an_outage_is_retried_with_backoff_and_a_disabled_group_is_enabled_again() {
    slack.userGroup("hausmeister", true, "U0ALICE");
    slack.failNext(
        "usergroups.users.update",
        503,
        Map.of(),
        "{\"ok\":false,\"error\":\"service_unavailable\"}");

    Optional<Instant> retry = groups.runDue(WEDNESDAY);

    assertThat(retry).contains(WEDNESDAY.plusSeconds(1));
    assertThat(slack.userGroupMembers("hausmeister")).containsExactly("U0ALICE");
    assertThat(groups.runDue(WEDNESDAY.plusMillis(500))).contains(WEDNESDAY.plusSeconds(1));
    assertThat(slack.calls("usergroups.users.update")).as("not before the backoff").hasSize(1);

    groups.runDue(WEDNESDAY.plusSeconds(1));

    assertThat(slack.userGroupMembers("hausmeister")).containsExactly("U0DAVE", "U0GRACE");
    assertThat(slack.calls("usergroups.enable")).hasSize(1);
    assertThat(slack.calls("usergroups.create")).isEmpty();
  }

  @Test
  void
      a_missing_scope_is_said_once_in_the_rotations_chat_and_not_tried_again_until_the_on_call_changes() {
    String refusal = "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"usergroups:write\"}";
    slack.failNext("usergroups.list", 200, Map.of(), refusal.replace("write", "read"));

    groups.runDue(WEDNESDAY);
    groups.runDue(WEDNESDAY.plusSeconds(120));

    List<OutboxEntry> queued = storage.outbox().due(WEDNESDAY.plusSeconds(120), 10);
    assertThat(queued)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.message().chat()).isEqualTo(HAUS_CHAT);
              assertThat(
                      dev.meister.core.chat.RichText.plainText(
                          e.message().message().text().spans().get(0)))
                  .contains("@hausmeister")
                  .contains("usergroups:read");
            });
    assertThat(slack.calls("usergroups.list")).as("not tried again").hasSize(1);

    clock.set(FRIDAY_17);
    groups.runDue(FRIDAY_17);

    assertThat(slack.userGroupMembers("hausmeister")).isNotEmpty();
  }
}
