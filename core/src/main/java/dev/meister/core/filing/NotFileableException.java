package dev.meister.core.filing;

/** Meister cannot file this alert as configured (e.g. no repository for an Airflow alert). */
final class NotFileableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotFileableException(String message) {
    super(message);
  }
}
