package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.MemberId;
import org.junit.jupiter.api.Test;

/** The V25 calendar tokens: one per member, a new one revokes the old, kept across a restart. */
class JdbcCalendarTokenStoreTest extends StorageTestBase {
  private static final MemberId BOB = MemberId.of("bob");

  @Test
  void a_token_finds_its_member_until_it_is_replaced_and_survives_a_restart() {
    storage.calendarTokens().put(BOB, "t-old", NOW);
    storage.calendarTokens().put(BOB, "t-new", NOW.plusSeconds(5));
    storage.calendarTokens().put(MemberId.of("alice"), "t-alice", NOW);

    reopen();

    assertThat(storage.calendarTokens().tokenOf(BOB)).contains("t-new");
    assertThat(storage.calendarTokens().memberFor("t-new")).contains(BOB);
    assertThat(storage.calendarTokens().memberFor("t-old")).as("revoked").isEmpty();
    assertThat(storage.calendarTokens().memberFor("t-alice")).contains(MemberId.of("alice"));
    assertThat(storage.calendarTokens().tokenOf(MemberId.of("carol"))).isEmpty();
  }
}
