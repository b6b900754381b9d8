package dev.meister.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part of a {@code multipart/form-data} body (RFC 7578) as a fake API receives it: its field
 * name, the file name when it is a file, its own headers and its bytes, exactly as sent. Fakes use
 * it to see uploads (Telegram {@code sendDocument}, Discord's {@code files[n]}) the way the
 * platform does.
 */
public final class MultipartPart {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile(";\\s*filename=\"([^\"]*)\"");

  private final Map<String, String> headers;
  private final byte[] content;

  private MultipartPart(Map<String, String> headers, byte[] content) {
    this.headers = Map.copyOf(headers);
    this.content = content.clone();
  }

  /** The {@code name} of its {@code Content-Disposition: form-data}. */
  public String name() {
    return disposition(NAME).orElse("");
  }

  /** The {@code filename} of its {@code Content-Disposition}, for a file part. */
  public Optional<String> fileName() {
    return disposition(FILE_NAME);
  }

  /** Its own {@code Content-Type}, if it has one. */
  public Optional<String> contentType() {
    return Optional.ofNullable(headers.get("content-type"));
  }

  public byte[] content() {
    return content.clone();
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  private Optional<String> disposition(Pattern pattern) {
    Matcher m = pattern.matcher(headers.getOrDefault("content-disposition", ""));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The parts of {@code body}, whose {@code Content-Type} header names the boundary; empty when the
   * body is no multipart.
   */
  public static List<MultipartPart> parse(String contentType, byte[] body) {
    Matcher b = BOUNDARY.matcher(contentType);
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/") || !b.find()) {
      return List.of();
    }
    byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    List<MultipartPart> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int start = at + delimiter.length;
      if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
        break; // The closing delimiter.
      }
      start += 2; // CRLF after the delimiter.
      int next = indexOf(body, delimiter, start);
      if (next < 0) {
        break;
      }
      parts.add(part(Arrays.copyOfRange(body, start, next - 2))); // CRLF before the delimiter.
      at = next;
    }
    return parts;
  }

  private static MultipartPart part(byte[] raw) {
    byte[] blank = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    int split = indexOf(raw, blank, 0);
    String head = new String(raw, 0, split < 0 ? 0 : split, StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : head.split("\r\n", -1)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).strip());
      }
    }
    byte[] content =
        split < 0 ? new byte[0] : Arrays.copyOfRange(raw, split + blank.length, raw.length);
    return new MultipartPart(headers, content);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The first part named {@code name} in {@code parts}. */
  public static Optional<MultipartPart> named(List<MultipartPart> parts, String name) {
    return parts.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return "MultipartPart["
        + name()
        + fileName().map(f -> ", " + f).orElse("")
        + ", "
        + content.length
        + " bytes]";
  }
}
