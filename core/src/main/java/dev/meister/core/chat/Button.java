package dev.meister.core.chat;

import dev.meister.core.validation.Checks;
import java.nio.charset.StandardCharsets;

/** A button under a bot message: its label and what pressing it means. */
public record Button(String label, ButtonAction action) {
  public Button {
    Checks.notBlank(label, "label");
    String data = action.encode();
    Checks.check(
        data.getBytes(StandardCharsets.UTF_8).length <= ButtonAction.MAX_BYTES,
        "button data '" + data + "' is longer than " + ButtonAction.MAX_BYTES + " bytes");
  }
}
