package dev.meister.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meister.core.team.ChatIdentities;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MemberResolverTest {
  private final MemberResolver resolver =
      new MemberResolver(
          new Team(
              List.of(
                  new Member(
                      MemberId.of("alice"),
                      "Alice",
                      new ChatIdentities("Alice_TG", 42L, "U0ALICE", "1001"),
                      null,
                      Set.of()),
                  new Member(
                      MemberId.of("bob"),
                      "Bob",
                      new ChatIdentities("bob_tg", null, "U0BOB", null),
                      null,
                      Set.of()))));

  @ParameterizedTest(name = "{0} user {1} (@{2}) is {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "TELEGRAM, 42,      someone, alice",
        "TELEGRAM, 77,      alice_tg, alice",
        "TELEGRAM, 77,      -,        -",
        "TELEGRAM, 77,      BOB_TG,   bob",
        "SLACK,    U0BOB,   -,        bob",
        "SLACK,    U0NOBODY, -,       -",
        "DISCORD,  1001,    -,        alice",
        "CONSOLE,  bob,     -,        bob",
      })
  void senders_are_mapped_to_members_by_their_platform_identity(
      Platform platform, String userId, String username, String expected) {
    Sender sender = new Sender(platform, userId, username, "someone");

    assertThat(resolver.memberFor(sender).map(m -> m.id().value()).orElse(null))
        .isEqualTo(expected);
  }
}
