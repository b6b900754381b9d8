package dev.meister.core.chat;

import dev.meister.core.validation.Checks;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A file that goes with a message, e.g. a calendar invitation: the name a person sees and saves it
 * under, its media type (with parameters, e.g. {@code text/calendar; method=REQUEST}) and its
 * bytes. Attachments wait in the outbox with their message, so they are kept small ({@link
 * #MAX_BYTES}); the bytes are copied in and out, and two attachments are equal when their bytes
 * are.
 */
@SuppressWarnings("ArrayRecordComponent") // Copied in and out; equals and hashCode use the bytes.
public record Attachment(String fileName, String mediaType, byte[] content) {
  /**
   * 256 KiB: far above an invitation (about 1 KiB) and far below every platform's upload limit
   * (Discord's 10 MiB is the smallest); the bytes are stored with the queued message.
   */
  public static final int MAX_BYTES = 256 * 1024;

  /** Telegram, Slack and Discord show names of this length whole. */
  public static final int MAX_NAME_LENGTH = 100;

  /** No path separators, no control characters, nothing a file system or platform refuses. */
  private static final Pattern NAME = Pattern.compile("[^/\\\\:*?\"<>|\\p{Cntrl}]+");

  /** {@code type/subtype} and optional {@code ; parameter=value} pairs (RFC 2045 5.1). */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[\\w.+-]+/[\\w.+-]+(\\s*;\\s*[\\w.+-]+=(\"[^\"]*\"|[\\w.+-]+))*");

  public Attachment {
    Checks.notBlank(fileName, "file name");
    Checks.check(
        fileName.length() <= MAX_NAME_LENGTH,
        "file name '" + fileName + "' is longer than " + MAX_NAME_LENGTH + " characters");
    Checks.check(
        NAME.matcher(fileName).matches()
            && !fileName.startsWith(".")
            && fileName.equals(fileName.strip()),
        "file name '" + fileName + "' may not contain a path, control characters or :*?\"<>|");
    Checks.notBlank(mediaType, "media type");
    Checks.check(
        MEDIA_TYPE.matcher(mediaType).matches(),
        "media type '" + mediaType + "' is not type/subtype");
    Checks.check(content.length > 0, "attachment '" + fileName + "' is empty");
    Checks.check(
        content.length <= MAX_BYTES,
        "attachment '"
            + fileName
            + "' has "
            + content.length
            + " bytes, more than the "
            + MAX_BYTES
            + " a message may carry");
    content = content.clone();
  }

  /** A UTF-8 text file, e.g. an iCalendar object. */
  public static Attachment text(String fileName, String mediaType, String text) {
    return new Attachment(fileName, mediaType, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy of the bytes. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The number of bytes. */
  public int size() {
    return content.length;
  }

  /** The media type without its parameters, e.g. {@code text/calendar}. */
  public String baseType() {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Attachment a
        && a.fileName.equals(fileName)
        && a.mediaType.equals(mediaType)
        && Arrays.equals(a.content, content);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * fileName.hashCode() + mediaType.hashCode()) + Arrays.hashCode(content);
  }

  /** Name, type and size; never the bytes, which belong in no log. */
  @Override
  public String toString() {
    return "Attachment[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
  }
}
