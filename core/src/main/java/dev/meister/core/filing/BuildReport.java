package dev.meister.core.filing;

import dev.meister.core.buildhint.BuildHint;
import dev.meister.core.buildhint.BuildHints;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.flaky.FlakyNote;
import java.util.List;
import java.util.Optional;

/**
 * What the analysis of a red build says under its alert as soon as the logs are read, before anyone
 * asks for an issue: seed 002's "Post on the channel what tests broke", the logs it could not read,
 * and the build hints only the failed steps and logs show.
 *
 * @param tests the failing test ids, in log order
 * @param flaky what to say about the failing tests known flaky: how often each failed lately and
 *     that a re-run passed, so nobody files a bug for a failure a re-run makes go away
 */
public record BuildReport(
    List<String> tests,
    List<UnreadableLog> unreadable,
    List<BuildHint> hints,
    List<FlakyNote> flaky) {
  /** Enough to see what broke without flooding the chat; the issue lists them all. */
  public static final int MAX_TESTS = 10;

  public BuildReport {
    tests = List.copyOf(tests);
    unreadable = List.copyOf(unreadable);
    hints = List.copyOf(hints);
    flaky = List.copyOf(flaky);
  }

  public BuildReport(List<String> tests, List<UnreadableLog> unreadable, List<BuildHint> hints) {
    this(tests, unreadable, hints, List.of());
  }

  /** The reply, or none when the logs named no test, every log was read and no hint matched. */
  public Optional<OutgoingMessage> message() {
    if (tests.isEmpty() && unreadable.isEmpty() && hints.isEmpty()) {
      return Optional.empty();
    }
    RichText.Builder text = RichText.builder();
    if (!tests.isEmpty()) {
      text.text(
          "\uD83E\uDDEA"
              + " "
              + (tests.size() == 1 ? "1 test" : tests.size() + " tests")
              + " broke:");
      StringBuilder lines = new StringBuilder();
      for (String test : tests.subList(0, Math.min(MAX_TESTS, tests.size()))) {
        lines.append(lines.length() == 0 ? "" : "\n").append("FAILED ").append(test);
      }
      text.codeBlock(lines.toString());
      if (tests.size() > MAX_TESTS) {
        text.text("… and " + (tests.size() - MAX_TESTS) + " more");
      }
    }
    for (FlakyNote note : flaky) {
      newLine(text);
      text.text(EmojiNames.unicode("game_die") + " " + note.text() + ": ").code(note.test());
    }
    if (!flaky.isEmpty()) {
      newLine(text);
      text.text(
          flaky.size() == tests.size()
              ? "Every failing test is known flaky: re-run the job before filing a bug."
              : "The other failing tests are not known flaky.");
    }
    for (UnreadableLog u : unreadable) {
      newLine(text);
      text.text(
          EmojiNames.unicode("warning")
              + " Could not read the log of job "
              + u.job()
              + " ("
              + u.why()
              + "); its failing tests are not listed.");
    }
    for (BuildHint hint : hints) {
      newLine(text);
      BuildHints.render(hint, text);
    }
    return Optional.of(OutgoingMessage.of(text.build()));
  }

  private static void newLine(RichText.Builder text) {
    if (!text.isEmpty()) {
      text.newline();
    }
  }
}
