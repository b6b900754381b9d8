package dev.meister.core.chat;

import dev.meister.core.validation.Checks;

/**
 * A button under a bot message. {@code action + ":" + payload} must fit Telegram's 64-byte
 * callback data.
 */
public record Button(String label, String action, String payload) {
  public Button {
    Checks.notBlank(label, "label");
    Checks.notBlank(action, "action");
    Checks.check(
        (action + ":" + payload).getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 64,
        "button data '" + action + ":" + payload + "' is longer than 64 bytes");
  }
}
