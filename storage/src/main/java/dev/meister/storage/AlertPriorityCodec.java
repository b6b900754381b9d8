package dev.meister.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meister.core.alert.AlertPriority;
import dev.meister.core.alert.Tag;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Role;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An alert's priority as JSON: {@code {"level": "P4", "highest": true, "tags": ["role:team_lead",
 * "member:alice"]}}. Tags are prefixed so a member whose id reads like a role stays a member.
 */
final class AlertPriorityCodec {
  private static final String LEVEL = "level";
  private static final String HIGHEST = "highest";
  private static final String TAGS = "tags";
  private static final String ROLE = "role:";
  private static final String MEMBER = "member:";

  private AlertPriorityCodec() {}

  static void write(JsonGenerator g, AlertPriority priority) throws IOException {
    g.writeStartObject();
    if (priority.level().isPresent()) {
      g.writeStringField(LEVEL, priority.level().get());
    }
    g.writeBooleanField(HIGHEST, priority.highest());
    g.writeArrayFieldStart(TAGS);
    for (Tag t : priority.tags()) {
      g.writeString(text(t));
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static String text(Tag tag) {
    if (tag instanceof Tag.OfRole r) {
      return ROLE + r.role().name().toLowerCase(Locale.ROOT);
    }
    return MEMBER + ((Tag.OfMember) tag).member().value();
  }

  static AlertPriority read(JsonNode node) throws SQLException {
    Optional<String> level =
        node.path(LEVEL).isTextual() ? Optional.of(node.get(LEVEL).asText()) : Optional.empty();
    List<Tag> tags = new ArrayList<>();
    for (JsonNode t : node.path(TAGS)) {
      tags.add(tag(t.asText()));
    }
    return new AlertPriority(level, node.path(HIGHEST).asBoolean(false), tags);
  }

  private static Tag tag(String text) throws SQLException {
    try {
      if (text.startsWith(ROLE)) {
        return new Tag.OfRole(Role.valueOf(text.substring(ROLE.length()).toUpperCase(Locale.ROOT)));
      }
      if (text.startsWith(MEMBER)) {
        return new Tag.OfMember(MemberId.of(text.substring(MEMBER.length())));
      }
    } catch (IllegalArgumentException e) {
      throw new SQLException("stored alert tag '" + text + "' is not valid", e);
    }
    throw new SQLException("stored alert tag '" + text + "' is neither a role: nor a member:");
  }
}
