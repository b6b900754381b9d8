package dev.meister.core.filing;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 defines them: CRLF line ends, and a field holding a comma,
 * quote or line break enclosed in quotes with its quotes doubled. Spreadsheets open it as is.
 */
public final class Csv {
  private Csv() {}

  public static String write(List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(field(row.get(i)));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static String field(String value) {
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /**
   * Reads RFC 4180 text back into rows.
   *
   * @throws IllegalArgumentException for a quote left open or text after a closing quote
   */
  public static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = text.length();
    if (n == 0) {
      return rows;
    }
    while (i <= n) {
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("a quoted field is not closed");
          }
          char c = text.charAt(i);
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field.append(c);
          i++;
        }
        if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
          throw new IllegalArgumentException("text after a closing quote at " + i);
        }
      }
      while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
        field.append(text.charAt(i++));
      }
      row.add(field.toString());
      field.setLength(0);
      if (i < n && text.charAt(i) == ',') {
        i++;
        continue;
      }
      // end of a record
      rows.add(row);
      row = new ArrayList<>();
      if (i < n && text.charAt(i) == '\r') {
        i++;
      }
      if (i < n && text.charAt(i) == '\n') {
        i++;
      }
      if (i >= n) {
        break;
      }
    }
    return rows;
  }
}
