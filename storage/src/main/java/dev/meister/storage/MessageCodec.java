package dev.meister.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.chat.Span;
import dev.meister.core.team.MemberId;
import java.io.IOException;
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
    return Json.write(g -> write(g, message), "a chat message");
  }

  private static void write(JsonGenerator g, OutgoingMessage message) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("spans");
    for (Span s : message.text().spans()) {
      span(g, s);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("buttons");
    for (Button b : message.buttons()) {
      g.writeStartObject();
      g.writeStringField("label", b.label());
      g.writeStringField("action", b.action().name());
      g.writeStringField("payload", b.action().payload());
      g.writeEndObject();
    }
    g.writeEndArray();
    // Only when there are files: rows of messages without them stay as they always were.
    if (!message.attachments().isEmpty()) {
      g.writeArrayFieldStart("attachments");
      for (Attachment a : message.attachments()) {
        g.writeStartObject();
        g.writeStringField("name", a.fileName());
        g.writeStringField("type", a.mediaType());
        g.writeStringField("base64", BASE64.encodeToString(a.content()));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /**
   * One span as {@code {"t": type, "v": text}}; a link also has its {@code url}, a break no text.
   */
  private static void span(JsonGenerator g, Span s) throws IOException {
    String[] fields = s.accept(FIELDS);
    g.writeStartObject();
    g.writeStringField("t", fields[0]);
    if (fields.length > 1) {
      g.writeStringField("v", fields[1]);
    }
    if (fields.length > 2) {
      g.writeStringField("url", fields[2]);
    }
    g.writeEndObject();
  }

  /** A span's type as stored ({@link #span(JsonNode)} reads it back), then its text and URL. */
  private static final Span.Visitor<String[]> FIELDS =
      new Span.Visitor<>() {
        @Override
        public String[] plain(String text) {
          return new String[] {"plain", text};
        }

        @Override
        public String[] bold(String text) {
          return new String[] {"bold", text};
        }

        @Override
        public String[] code(String text) {
          return new String[] {"code", text};
        }

        @Override
        public String[] codeBlock(String text) {
          return new String[] {"pre", text};
        }

        @Override
        public String[] link(String label, String url) {
          return new String[] {"link", label, url};
        }

        @Override
        public String[] mention(MemberId member) {
          return new String[] {"mention", member.value()};
        }

        @Override
        public String[] emoji(String name) {
          return new String[] {"emoji", name};
        }

        @Override
        public String[] lineBreak() {
          return new String[] {"br"};
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
