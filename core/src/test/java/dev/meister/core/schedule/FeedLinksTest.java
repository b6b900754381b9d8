package dev.meister.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.calendar.FeedLinks;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FeedLinksTest {
  @Test
  void the_member_s_feed_and_one_per_rotation_carry_the_token_under_the_base_url() {
    FeedLinks links =
        FeedLinks.of(
            "https://meister.example.com/",
            "tok",
            List.of(Rotations.hausmeister(), Rotations.dagmeister()));

    assertThat(links.me()).isEqualTo("https://meister.example.com/cal/tok/me.ics");
    assertThat(links.rotations())
        .extracting(FeedLinks.Feed::rotation, FeedLinks.Feed::url)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "hausmeister", "https://meister.example.com/cal/tok/rotation/hausmeister.ics"),
            org.assertj.core.groups.Tuple.tuple(
                "dagmeister", "https://meister.example.com/cal/tok/rotation/dagmeister.ics"));
  }
}
