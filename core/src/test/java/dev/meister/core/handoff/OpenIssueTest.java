package dev.meister.core.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.filing.IssueRef;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OpenIssueTest {
  private static final IssueRef ISSUE =
      new IssueRef("acme/data", 9110, "https://github.com/acme/data/issues/9110");

  @Test
  void only_p1_and_p2_stay_with_the_weekday_on_call() {
    assertThat(
            Stream.of("P1", "P2", "P3", "P4").map(p -> new OpenIssue(ISSUE, p).staysOnWeekdays()))
        .containsExactly(true, true, false, false);
    assertThat(new OpenIssue(ISSUE, null).staysOnWeekdays()).isFalse();
  }
}
