package dev.meister.storage;

/**
 * The databases Meister runs on. The stores write SQL both accept (ON CONFLICT, RETURNING, integer
 * epoch milliseconds, 0/1 flags); what differs lives in each vendor's migrations, which keep the
 * same version numbers and the same schema meaning.
 */
public enum Vendor {
  SQLITE("db/migration"),
  POSTGRESQL("db/postgresql");

  private final String migrations;

  Vendor(String migrations) {
    this.migrations = migrations;
  }

  /**
   * The classpath folder of this vendor's Flyway migrations (SQL files and Java classes). Never one
   * inside another: Flyway scans a location recursively.
   */
  public String migrations() {
    return migrations;
  }
}
