package dev.meister.core.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one input, reported together rather than one at a time. */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    Checks.notEmpty(errors, "errors");
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
