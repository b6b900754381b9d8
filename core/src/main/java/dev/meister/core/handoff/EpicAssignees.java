package dev.meister.core.handoff;

/** Port: who is assigned to an epic issue on the tracker (GitHub). */
public interface EpicAssignees {
  /**
   * Assigns {@code toLogin} and then unassigns {@code fromLogin}, so a failure in between leaves
   * both assigned rather than nobody.
   *
   * @throws EpicMoveException when the tracker refuses or cannot be reached
   */
  void move(EpicRef epic, String fromLogin, String toLogin);
}
