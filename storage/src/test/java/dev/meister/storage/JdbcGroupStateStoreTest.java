package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import dev.meister.core.usergroup.GroupState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The V27 user groups: wanted and synced members, failures and a refusal that a change forgets. */
class JdbcGroupStateStoreTest extends StorageTestBase {
  private static final RotationId HAUS = RotationId.of("hausmeister");
  private static final List<MemberId> BOB = List.of(MemberId.of("bob"));
  private static final List<MemberId> ALICE_ERIN =
      List.of(MemberId.of("alice"), MemberId.of("erin"));

  @Test
  void wanting_the_same_members_again_keeps_the_backoff_and_new_members_start_afresh() {
    storage.userGroups().want(HAUS, "hausmeister", BOB, NOW);
    storage.userGroups().failed(HAUS, NOW.plusSeconds(8), "503");
    storage.userGroups().want(HAUS, "hausmeister", BOB, NOW.plusSeconds(1));

    reopen();

    GroupState kept = storage.userGroups().find(HAUS).orElseThrow();
    assertThat(kept.failures()).isEqualTo(1);
    assertThat(kept.notBefore()).isEqualTo(NOW.plusSeconds(8));
    assertThat(kept.inSync()).isFalse();

    storage.userGroups().refused(HAUS, "missing_scope");
    assertThat(storage.userGroups().find(HAUS).orElseThrow().refused()).contains("missing_scope");
    storage.userGroups().want(HAUS, "hausmeister", ALICE_ERIN, NOW.plusSeconds(60));

    GroupState fresh = storage.userGroups().find(HAUS).orElseThrow();
    assertThat(fresh.wanted()).isEqualTo(ALICE_ERIN);
    assertThat(fresh.failures()).isZero();
    assertThat(fresh.refused()).isEmpty();
    assertThat(fresh.notBefore()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void synced_members_are_in_sync_until_others_are_wanted() {
    storage.userGroups().want(HAUS, "hausmeister", BOB, NOW);
    storage.userGroups().synced(HAUS, BOB, NOW);

    assertThat(storage.userGroups().find(HAUS).orElseThrow().inSync()).isTrue();
    assertThat(storage.userGroups().find(HAUS).orElseThrow().synced()).isEqualTo(Optional.of(BOB));

    storage.userGroups().want(HAUS, "hausmeister", ALICE_ERIN, NOW.plusSeconds(5));

    assertThat(storage.userGroups().find(HAUS).orElseThrow().inSync()).isFalse();
    assertThat(storage.userGroups().find(RotationId.of("dagmeister"))).isEmpty();
  }
}
