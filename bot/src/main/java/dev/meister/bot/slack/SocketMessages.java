package dev.meister.bot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the Socket Mode messages Meister watches itself say (Bolt handles the envelopes). */
final class SocketMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SocketMessages() {}

  /**
   * Slack's first message on every new socket, {@code {"type":"hello",…}}: the connection is usable
   * (https://api.slack.com/apis/socket-mode#connect).
   */
  static boolean isHello(String message) {
    if (!message.contains("hello")) {
      return false; // the cheap test first: envelopes are far more frequent than hellos
    }
    try {
      JsonNode node = JSON.readTree(message);
      return node != null && "hello".equals(node.path("type").asText());
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
