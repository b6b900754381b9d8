package dev.meister.bot.app;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether a person is typing at this process, so prompts make sense. */
final class Terminal {
  private Terminal() {}

  /**
   * True when standard input and output are a terminal. Up to JDK 21 {@code System.console()} is
   * null otherwise; from JDK 22 it is never null and {@code Console.isTerminal()} tells.
   */
  @SuppressWarnings("SystemConsoleNull") // checked for both JDK behaviours, see above
  static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (ReflectiveOperationException olderJdk) {
      return true;
    }
  }
}
