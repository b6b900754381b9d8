package dev.meister.core.chat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ButtonActionTest {
  private static final Instant BOUNDARY = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void every_action_decodes_to_itself() {
    List<ButtonAction> all =
        List.of(
            new ButtonAction.Ack(17),
            new ButtonAction.AckMessage(),
            new ButtonAction.FileIssue(17),
            new ButtonAction.SameAs(17, 9110),
            new ButtonAction.HandedOver("buildmeister", BOUNDARY),
            new ButtonAction.AcceptHandoff("buildmeister", BOUNDARY),
            new ButtonAction.AcceptRequest(3),
            new ButtonAction.DeclineRequest(3),
            new ButtonAction.ShowActions(17),
            new ButtonAction.RunAction(17, "mark-success"),
            new ButtonAction.ConfirmAction(4),
            new ButtonAction.CancelAction(4),
            new ButtonAction.ApproveAction(4),
            new ButtonAction.DenyAction(4));

    for (ButtonAction action : all) {
      assertThat(ButtonAction.decode(action.encode())).as(action.encode()).contains(action);
      assertThat(ButtonAction.decode(action.name(), action.payload())).contains(action);
    }
  }

  @Test
  void the_encoding_is_the_one_posted_buttons_already_carry() {
    assertThat(new ButtonAction.Ack(17).encode()).isEqualTo("ack:17");
    assertThat(new ButtonAction.SameAs(17, 9110).encode()).isEqualTo("same:17:9110");
    assertThat(new ButtonAction.HandedOver("buildmeister", BOUNDARY).encode())
        .isEqualTo("hoff_out:buildmeister@" + BOUNDARY.toEpochMilli());
    assertThat(new ButtonAction.AcceptRequest(3).encode()).isEqualTo("req_yes:3");
    assertThat(ButtonAction.decode("ack")).contains(new ButtonAction.AckMessage());
  }

  @Test
  void unknown_actions_and_broken_payloads_decode_to_nothing() {
    assertThat(ButtonAction.decode("rerun:17")).isEmpty();
    assertThat(ButtonAction.decode("")).isEmpty();
    assertThat(ButtonAction.decode("ack:a-17")).isEmpty();
    assertThat(ButtonAction.decode("issue:")).isEmpty();
    assertThat(ButtonAction.decode("issue:-4")).isEmpty();
    assertThat(ButtonAction.decode("same:17")).isEmpty();
    assertThat(ButtonAction.decode("same:17:x")).isEmpty();
    assertThat(ButtonAction.decode("hoff_in:buildmeister")).isEmpty();
    assertThat(ButtonAction.decode("hoff_in:Build Meister@1")).isEmpty();
    assertThat(ButtonAction.decode("req_no:99999999999999999999")).isEmpty();
  }

  @Test
  void data_longer_than_telegrams_64_bytes_decodes_to_nothing() {
    String rotation = "r".repeat(60);

    assertThat(ButtonAction.decode("hoff_in:" + rotation + "@1")).isEmpty();
    assertThat(ButtonAction.decode("ack:" + "1".repeat(61))).isEmpty();
  }

  @Test
  void a_button_whose_action_does_not_fit_telegram_is_refused() {
    ButtonAction tooLong = new ButtonAction.HandedOver("r".repeat(50), BOUNDARY);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Button("✅ Handed over", tooLong))
        .withMessageContaining("longer than 64 bytes");
  }

  @Test
  void runbook_action_buttons_carry_the_action_in_their_name_so_a_menus_buttons_differ() {
    assertThat(new ButtonAction.RunAction(17, "clear-downstream").encode())
        .isEqualTo("run_clear-downstream:17");
    assertThat(new ButtonAction.ShowActions(17).encode()).isEqualTo("actions:17");
    assertThat(new ButtonAction.ApproveAction(4).encode()).isEqualTo("act_approve:4");
    assertThat(ButtonAction.decode("run_:17")).isEmpty();
    assertThat(ButtonAction.decode("run_Clear:17")).isEmpty();
    assertThat(ButtonAction.decode("act_confirm:x")).isEmpty();
  }

  @Test
  void the_longest_runbook_action_button_with_the_largest_ids_fits_telegrams_64_bytes() {
    long largest = Long.MAX_VALUE;
    List<ButtonAction> longest =
        List.of(
            new ButtonAction.RunAction(largest, "clear-downstream"),
            new ButtonAction.ConfirmAction(largest),
            new ButtonAction.ApproveAction(largest),
            new ButtonAction.ShowActions(largest));

    for (ButtonAction action : longest) {
      assertThat(new Button("label", action).action().encode().getBytes(UTF_8))
          .hasSizeLessThanOrEqualTo(ButtonAction.MAX_BYTES);
      assertThat(ButtonAction.decode(action.encode())).contains(action);
    }
  }

  @Test
  void a_press_reads_its_data_as_a_button_action() {
    ChatRef chat = ChatRef.of(Platform.CONSOLE, "console");
    ChatEvent.ButtonPress press =
        new ChatEvent.ButtonPress(
            chat,
            new Sender(Platform.CONSOLE, "alice", "alice", "Alice"),
            new MessageRef(chat, "1"),
            "req_no:3",
            "cb");

    assertThat(press.action()).contains(new ButtonAction.DeclineRequest(3));
  }
}
