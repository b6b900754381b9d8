package dev.meister.core.validation;

/**
 * One problem with one field of an input, e.g. {@code rotations.dagmeister.zone: unknown time zone
 * 'Europe/Berln'}.
 *
 * @param path dotted path of the field, e.g. {@code rotations.dagmeister.roster[2]}
 * @param message what is wrong, in words a user understands
 */
public record FieldError(String path, String message) {
  public FieldError {
    Checks.notBlank(path, "path");
    Checks.notBlank(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
