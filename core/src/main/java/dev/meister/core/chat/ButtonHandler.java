package dev.meister.core.chat;

import dev.meister.core.team.Member;

/**
 * Answers presses of one kind of button. Only team members get here (see {@link Membership}); the
 * returned toast is shown at once, and an {@link IllegalArgumentException}'s message becomes the
 * toast.
 */
@FunctionalInterface
public interface ButtonHandler<A extends ButtonAction> {
  /** Handles a member's press; returns the toast. */
  String press(A action, ChatEvent.ButtonPress press, Member member);
}
