package dev.meister.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import dev.meister.core.team.MemberId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A queued chat message as JSON: {@code {"spans":[{"t":"bold","v":"..."},...],"buttons":[...]}}.
 * Written by hand rather than by reflection so core records never depend on a JSON library.
 */
final class MessageCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MessageCodec() {}

  static String write(OutgoingMessage message) throws SQLException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode spans = root.putArray("spans");
    for (Span s : message.text().spans()) {
      spans.add(span(s));
    }
    ArrayNode buttons = root.putArray("buttons");
    for (Button b : message.buttons()) {
      buttons.addObject().put("label", b.label()).put("action", b.action())
          .put("payload", b.payload());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new SQLException("a chat message cannot be written as JSON", e);
    }
  }

  private static ObjectNode span(Span s) {
    ObjectNode n = JSON.createObjectNode();
    if (s instanceof Span.Plain p) {
      n.put("t", "plain").put("v", p.text());
    } else if (s instanceof Span.Bold b) {
      n.put("t", "bold").put("v", b.text());
    } else if (s instanceof Span.Code c) {
      n.put("t", "code").put("v", c.text());
    } else if (s instanceof Span.CodeBlock c) {
      n.put("t", "pre").put("v", c.text());
    } else if (s instanceof Span.Link l) {
      n.put("t", "link").put("v", l.label()).put("url", l.url());
    } else if (s instanceof Span.Mention m) {
      n.put("t", "mention").put("v", m.member().value());
    } else if (s instanceof Span.Emoji e) {
      n.put("t", "emoji").put("v", e.name());
    } else {
      n.put("t", "br");
    }
    return n;
  }

  static OutgoingMessage read(String json) throws SQLException {
    try {
      JsonNode root = JSON.readTree(json);
      List<Span> spans = new ArrayList<>();
      for (JsonNode n : root.path("spans")) {
        spans.add(span(n));
      }
      List<Button> buttons = new ArrayList<>();
      for (JsonNode b : root.path("buttons")) {
        buttons.add(new Button(b.path("label").asText(), b.path("action").asText(),
            b.path("payload").asText()));
      }
      return new OutgoingMessage(new RichText(spans), buttons);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SQLException("a queued chat message is not readable: " + e.getMessage(), e);
    }
  }

  private static Span span(JsonNode n) throws SQLException {
    String v = n.path("v").asText();
    switch (n.path("t").asText()) {
      case "plain":
        return new Span.Plain(v);
      case "bold":
        return new Span.Bold(v);
      case "code":
        return new Span.Code(v);
      case "pre":
        return new Span.CodeBlock(v);
      case "link":
        return new Span.Link(v, n.path("url").asText());
      case "mention":
        return new Span.Mention(MemberId.of(v));
      case "emoji":
        return new Span.Emoji(v);
      case "br":
        return new Span.LineBreak();
      default:
        throw new SQLException("unknown span type '" + n.path("t").asText() + "'");
    }
  }
}
