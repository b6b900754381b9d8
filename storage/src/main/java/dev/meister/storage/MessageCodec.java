package dev.meister.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import dev.meister.core.team.MemberId;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A queued chat message as JSON: {@code {"spans":[{"t":"bold","v":"..."},...],"buttons":[...]}},
 * and, for a message with files, {@code "attachments":[{"name","type","base64"}]}: the bytes go
 * with the message in its row, so a file survives a restart as its text does. Written by hand
 * rather than by reflection so core records never depend on a JSON library.
 */
final class MessageCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

  private MessageCodec() {}

  static String write(OutgoingMessage message) throws SQLException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode spans = root.putArray("spans");
    for (Span s : message.text().spans()) {
      spans.add(span(s));
    }
    ArrayNode buttons = root.putArray("buttons");
    for (Button b : message.buttons()) {
      buttons
          .addObject()
          .put("label", b.label())
          .put("action", b.action().name())
          .put("payload", b.action().payload());
    }
    // Only when there are files: rows of messages without them stay as they always were.
    if (!message.attachments().isEmpty()) {
      ArrayNode files = root.putArray("attachments");
      for (Attachment a : message.attachments()) {
        files
            .addObject()
            .put("name", a.fileName())
            .put("type", a.mediaType())
            .put("base64", BASE64.encodeToString(a.content()));
      }
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new SQLException("a chat message cannot be written as JSON", e);
    }
  }

  private static ObjectNode span(Span s) {
    return s.accept(WRITER);
  }

  private static ObjectNode node(String type, String value) {
    return JSON.createObjectNode().put("t", type).put("v", value);
  }

  private static final Span.Visitor<ObjectNode> WRITER =
      new Span.Visitor<>() {
        @Override
        public ObjectNode plain(String text) {
          return node("plain", text);
        }

        @Override
        public ObjectNode bold(String text) {
          return node("bold", text);
        }

        @Override
        public ObjectNode code(String text) {
          return node("code", text);
        }

        @Override
        public ObjectNode codeBlock(String text) {
          return node("pre", text);
        }

        @Override
        public ObjectNode link(String label, String url) {
          return node("link", label).put("url", url);
        }

        @Override
        public ObjectNode mention(MemberId member) {
          return node("mention", member.value());
        }

        @Override
        public ObjectNode emoji(String name) {
          return node("emoji", name);
        }

        @Override
        public ObjectNode lineBreak() {
          return JSON.createObjectNode().put("t", "br");
        }
      };

  static OutgoingMessage read(String json) throws SQLException {
    try {
      JsonNode root = JSON.readTree(json);
      List<Span> spans = new ArrayList<>();
      for (JsonNode n : root.path("spans")) {
        spans.add(span(n));
      }
      List<Button> buttons = new ArrayList<>();
      for (JsonNode b : root.path("buttons")) {
        // A button this version cannot read is left off; the message still goes out.
        ButtonAction.decode(b.path("action").asText(), b.path("payload").asText())
            .ifPresent(action -> buttons.add(new Button(b.path("label").asText(), action)));
      }
      // Rows queued before messages had files have no "attachments": none.
      List<Attachment> files = new ArrayList<>();
      for (JsonNode a : root.path("attachments")) {
        files.add(
            new Attachment(
                a.path("name").asText(),
                a.path("type").asText(),
                BASE64_DECODER.decode(a.path("base64").asText())));
      }
      return new OutgoingMessage(new RichText(spans), buttons, files);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SQLException("a queued chat message is not readable: " + e.getMessage(), e);
    }
  }

  private static Span span(JsonNode n) throws SQLException {
    String v = n.path("v").asText();
    return switch (n.path("t").asText()) {
      case "plain" -> new Span.Plain(v);
      case "bold" -> new Span.Bold(v);
      case "code" -> new Span.Code(v);
      case "pre" -> new Span.CodeBlock(v);
      case "link" -> new Span.Link(v, n.path("url").asText());
      case "mention" -> new Span.Mention(MemberId.of(v));
      case "emoji" -> new Span.Emoji(v);
      case "br" -> new Span.LineBreak();
      default -> throw new SQLException("unknown span type '" + n.path("t").asText() + "'");
    };
  }
}
