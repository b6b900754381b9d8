package dev.meister.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.web.SignInStore.Refusal;
import dev.meister.core.web.SignIns;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One-time links and sessions on a real SQLite file, through {@link SignIns}. */
class JdbcSignInsTest extends StorageTestBase {
  private static final Member BOB =
      new Member(
          MemberId.of("bob"),
          "Bob Stone",
          new ChatIdentities(null, null, null, null),
          null,
          Set.of());

  private java.time.Instant now = NOW;

  /** Sign-ins at {@link #now}, which a test moves on. */
  private SignIns signIns() {
    return new SignIns(
        storage.signIns(),
        new Team(List.of(BOB)),
        Duration.ofHours(8),
        java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
  }

  @Test
  void a_link_starts_one_session_and_is_refused_as_used_after_that() {
    SignIns signIns = signIns();
    String link = signIns.issueLink(BOB.id());

    SignIns.Outcome first = signIns.redeem(link);
    SignIns.Outcome second = signIns.redeem(link);

    assertThat(first).isInstanceOf(SignIns.Outcome.Started.class);
    SignIns.Outcome.Started started = (SignIns.Outcome.Started) first;
    assertThat(started.member()).isEqualTo(BOB);
    assertThat(started.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
    assertThat(second).isEqualTo(new SignIns.Outcome.Refused(Refusal.USED));
    assertThat(signIns.visitor(started.token()))
        .hasValueSatisfying(v -> assertThat(v.csrf()).isEqualTo(started.csrf()));
  }

  @Test
  void a_link_opened_after_ten_minutes_is_refused_as_expired() {
    String link = signIns().issueLink(BOB.id());

    now = now.plus(Duration.ofMinutes(10));

    assertThat(signIns().redeem(link)).isEqualTo(new SignIns.Outcome.Refused(Refusal.EXPIRED));
    assertThat(signIns().redeem("made-up")).isEqualTo(new SignIns.Outcome.Refused(Refusal.UNKNOWN));
  }

  @Test
  void a_session_ends_at_its_lifetime_or_at_sign_out_and_survives_a_restart() {
    SignIns.Outcome.Started a =
        (SignIns.Outcome.Started) signIns().redeem(signIns().issueLink(BOB.id()));
    SignIns.Outcome.Started b =
        (SignIns.Outcome.Started) signIns().redeem(signIns().issueLink(BOB.id()));
    reopen();

    signIns().signOut(b.token());
    assertThat(signIns().visitor(a.token())).isPresent();
    assertThat(signIns().visitor(b.token())).isEmpty();
    now = now.plus(Duration.ofHours(8));
    assertThat(signIns().visitor(a.token())).isEmpty();
  }

  @Test
  void only_team_members_get_a_link() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> signIns().issueLink(MemberId.of("mallory")))
        .withMessage("'mallory' is not a member of the team");
  }

  @Test
  void the_database_holds_no_token_only_its_hash() throws Exception {
    String link = signIns().issueLink(BOB.id());
    SignIns.Outcome.Started s = (SignIns.Outcome.Started) signIns().redeem(link);

    // Read through the store's own connection: the same query on SQLite and PostgreSQL.
    List<String> stored =
        storage
            .database()
            .transaction(
                "reading the stored tokens",
                c -> {
                  List<String> hashes = new ArrayList<>();
                  try (ResultSet rs =
                      c.createStatement()
                          .executeQuery(
                              "SELECT token_hash FROM web_links UNION ALL SELECT token_hash FROM"
                                  + " web_sessions")) {
                    while (rs.next()) {
                      hashes.add(rs.getString(1));
                    }
                  }
                  return hashes;
                });
    assertThat(stored).hasSize(2).doesNotContain(link, s.token());
    assertThat(stored).allMatch(h -> h.matches("[0-9a-f]{64}"));
  }
}
