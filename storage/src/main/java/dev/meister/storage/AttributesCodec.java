package dev.meister.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** Alert attributes as a JSON object of strings, sorted by name. */
final class AttributesCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {};

  private AttributesCodec() {}

  static String write(Map<String, String> attributes) throws SQLException {
    try {
      return JSON.writeValueAsString(new TreeMap<>(attributes));
    } catch (JsonProcessingException e) {
      throw new SQLException("alert attributes cannot be written as JSON", e);
    }
  }

  static Map<String, String> read(String json) throws SQLException {
    try {
      return JSON.readValue(json, TYPE);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored alert attributes are not valid JSON", e);
    }
  }
}
