package dev.meister.core.calendar;

/** Which lane of a rotation a shift is in, as the calendars and the schedule page name it. */
public enum Layer {
  PRIMARY("primary"),
  LEVEL_2("Level 2"),
  WEEKEND("weekend");

  private final String label;

  Layer(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
