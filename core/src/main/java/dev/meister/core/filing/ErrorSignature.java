package dev.meister.core.filing;

import java.util.regex.Pattern;

/**
 * A failure's first error line with what changes from run to run masked (numbers, hex ids, paths,
 * temporary directories, timestamps), so the same error in a later run has the same signature.
 *
 * @param text the normalised line; empty when the log showed no error line for the test
 */
public record ErrorSignature(String text) {
  /** A test whose log shows no error line. */
  public static final ErrorSignature NONE = new ErrorSignature("");

  /** Long error lines differ in their tail (values, dumps); the head names the error. */
  private static final int MAX_LENGTH = 160;

  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?"
              + "(?:Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern UUID =
      Pattern.compile(
          "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");

  /** Absolute paths (temporary directories, checkouts); relative source paths stay. */
  private static final Pattern PATH =
      Pattern.compile("(?<![\\w:/.])(?:[A-Za-z]:\\\\|/)[\\w.\\-~@+]+(?:[/\\\\][\\w.\\-~@+]*)*");

  private static final Pattern HEX =
      Pattern.compile(
          "0x[0-9a-fA-F]+|(?<=@)[0-9a-fA-F]{4,}\\b"
              + "|\\b(?=[0-9a-f]*\\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\\b");
  private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_])\\d+(?:[.,]\\d+)*");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  public ErrorSignature {
    text = text.strip();
  }

  /** The signature of an error line as the log shows it. */
  public static ErrorSignature of(String errorLine) {
    String s = errorLine.strip();
    s = TIMESTAMP.matcher(s).replaceAll("<time>");
    s = UUID.matcher(s).replaceAll("<id>");
    s = PATH.matcher(s).replaceAll("<path>");
    s = HEX.matcher(s).replaceAll("<hex>");
    s = NUMBER.matcher(s).replaceAll("<n>");
    s = SPACES.matcher(s).replaceAll(" ").strip();
    return new ErrorSignature(s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s);
  }

  public boolean isNone() {
    return text.isEmpty();
  }

  @Override
  public String toString() {
    return text;
  }
}
