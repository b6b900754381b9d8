package dev.meister.core.alert;

/** How urgently an alert needs people: HIGH tags the team lead at once. */
public enum Priority {
  NORMAL,
  HIGH
}
