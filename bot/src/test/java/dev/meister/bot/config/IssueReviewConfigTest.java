package dev.meister.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.schedule.RotationId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rotation's {@code stale_after} and {@code review: { cron, zone }}: the Buildmeister's weekly
 * review of the "BUILD - Breaks" epic (seed 002: "Regularly check issues that belong to the Epic").
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IssueReviewConfigTest {
  private static final String ROTATION =
      """
      team:
        members:
          alice: { name: Alice }
      rotations:
        ops:
          name: Ops
          zone: Europe/Berlin
          shift: 1w
          handoff: { day: monday, time: "11:00" }
          anchor: 2026-11-02
          roster: [alice]
      """;

  private static final String WITH_CHAT = ROTATION + "    chat: console/ops\n";

  @TempDir Path dir;
  private ConfigFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new ConfigFixture(dir);
  }

  @Test
  void stale_after_and_the_review_schedule_are_read_the_zone_defaulting_to_the_rotations()
      throws ConfigException {
    String yaml = WITH_CHAT + "    stale_after: 5d\n    review: { cron: \"0 10 * * MON\" }\n";

    IssueReviewConfig reviews = fixture.load(yaml).duties().issueReviews();

    assertThat(reviews.staleAfter()).containsEntry(RotationId.of("ops"), Duration.ofDays(5));
    assertThat(reviews.schedules())
        .containsEntry(
            RotationId.of("ops"), CronSchedule.parse("0 10 * * MON", ZoneId.of("Europe/Berlin")));
  }

  @Test
  void without_them_nothing_is_scheduled_and_the_default_applies() throws ConfigException {
    IssueReviewConfig reviews = fixture.load(ROTATION).duties().issueReviews();

    assertThat(reviews.staleAfter()).isEmpty();
    assertThat(reviews.schedules()).isEmpty();
  }

  @Test
  void a_review_without_the_rotations_chat_is_reported() {
    String yaml = ROTATION + "    review: { cron: \"0 10 * * MON\" }\n";

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:12: rotations.ops.review: a review needs the rotation's 'chat'");
  }

  @Test
  void a_bad_duration_a_bad_cron_and_a_bad_zone_are_reported_where_they_stand() {
    String yaml =
        WITH_CHAT
            + "    stale_after: a week\n"
            + "    review: { cron: \"0 10 * * FUNDAY\", zone: Mars/Olympus }\n";

    assertThat(fixture.problems(yaml))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("meister.yml:13: rotations.ops.stale_after: "))
        .anySatisfy(p -> assertThat(p).startsWith("meister.yml:14: rotations.ops.review.zone: "))
        .anySatisfy(p -> assertThat(p).startsWith("meister.yml:14: rotations.ops.review.cron: "));
  }

  @Test
  void a_review_that_would_never_happen_is_reported_where_it_stands() {
    // Quartz takes the 30th of February; the review would silently never be posted.
    String yaml = WITH_CHAT + "    review: { cron: \"0 10 30 2 *\" }\n";

    assertThat(fixture.problems(yaml))
        .containsExactly(
            "meister.yml:13: rotations.ops.review.cron: cron '0 10 30 2 *' never fires (no such"
                + " day, or only years gone by); check the day, month and year fields");
  }

  @Test
  void the_flaky_rate_of_the_review_is_read_as_a_percentage_or_a_share() throws ConfigException {
    String percent = WITH_CHAT + "    review: { cron: \"0 10 * * MON\", flaky_rate: 20% }\n";
    String share = WITH_CHAT + "    review: { cron: \"0 10 * * MON\", flaky_rate: 0.35 }\n";

    assertThat(fixture.load(percent).duties().issueReviews().flakyRates())
        .containsExactly(java.util.Map.entry(RotationId.of("ops"), 0.2));
    assertThat(fixture.load(share).duties().issueReviews().flakyRates())
        .containsExactly(java.util.Map.entry(RotationId.of("ops"), 0.35));
    assertThat(fixture.load(ROTATION).duties().issueReviews().flakyRates()).isEmpty();
  }

  @Test
  void a_flaky_rate_that_is_no_rate_is_reported_where_it_stands() {
    for (String bad : new String[] {"often", "0%", "100%", "-5%", "1.5"}) {
      String yaml =
          WITH_CHAT + "    review: { cron: \"0 10 * * MON\", flaky_rate: \"" + bad + "\" }\n";

      assertThat(fixture.problems(yaml))
          .containsExactly(
              "meister.yml:13: rotations.ops.review.flaky_rate: '"
                  + bad
                  + "' is not a rate: write a percentage between 0% and 100%, e.g. 20%");
    }
  }

  @Test
  void help_channels_name_the_chats_whose_questions_go_to_the_rotation() throws ConfigException {
    // Seed 001, "support our clients".
    String yaml = WITH_CHAT + "    help_channels: [console/help, console/ops]\n";

    IssueReviewConfig reviews = fixture.load(yaml).duties().issueReviews();

    assertThat(reviews.helpChannels().get(RotationId.of("ops")))
        .extracting(ChatTarget::reference)
        .containsExactly("console/help", "console/ops");
  }

  @Test
  void a_help_channel_of_two_rotations_and_a_bad_chat_are_reported_where_they_stand() {
    String yaml =
        WITH_CHAT
            + "    help_channels: console/help\n"
            + "  dev:\n"
            + "    name: Dev\n"
            + "    zone: UTC\n"
            + "    shift: 1w\n"
            + "    handoff: { day: monday, time: \"11:00\" }\n"
            + "    anchor: 2026-11-02\n"
            + "    roster: [alice]\n"
            + "    help_channels: [console/help, pigeon/roof]\n";

    assertThat(fixture.problems(yaml))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("meister.yml:21: rotations.dev.help_channels[1]: ");
    assertThat(
            fixture.problems(
                WITH_CHAT
                    + "    help_channels: console/help\n"
                    + "  dev:\n"
                    + "    name: Dev\n"
                    + "    zone: UTC\n"
                    + "    shift: 1w\n"
                    + "    handoff: { day: monday, time: \"11:00\" }\n"
                    + "    anchor: 2026-11-02\n"
                    + "    roster: [alice]\n"
                    + "    help_channels: [console/help]\n"))
        .containsExactly(
            "meister.yml:21: rotations.dev.help_channels: console/help is already the help"
                + " channel of rotation 'ops'");
  }

  @Test
  void a_slack_group_follows_the_rotation_with_or_without_level_2() throws ConfigException {
    String slack =
        "chats:\n  slack:\n    bot_token: ${SLACK_BOT_TOKEN}\n    app_token: ${SLACK_APP_TOKEN}\n    channels:\n"
            + "      ops: { channel: C0OPS }\n";
    String yaml =
        ROTATION.replace("rotations:\n", slack + "rotations:\n")
            + "    slack_group: { handle: ops-oncall, level2: true }\n";

    assertThat(fixture.load(yaml).duties().userGroups())
        .containsExactly(
            new dev.meister.core.usergroup.GroupRule(RotationId.of("ops"), "ops-oncall", true));
    assertThat(
            fixture
                .load(
                    ROTATION.replace("rotations:\n", slack + "rotations:\n")
                        + "    slack_group: \"@ops\"\n")
                .duties()
                .userGroups())
        .containsExactly(
            new dev.meister.core.usergroup.GroupRule(RotationId.of("ops"), "ops", false));
  }

  @Test
  void a_slack_group_without_slack_or_with_a_bad_handle_is_reported() {
    assertThat(fixture.problems(ROTATION + "    slack_group: ops\n"))
        .containsExactly(
            "meister.yml:12: rotations.ops.slack_group: a slack_group needs the Slack chat"
                + " (chats.slack)");
    assertThat(fixture.problems(ROTATION + "    slack_group: Ops On Call\n"))
        .singleElement()
        .asString()
        .startsWith("meister.yml:12: rotations.ops.slack_group: 'Ops On Call' is no Slack user");
  }
}
