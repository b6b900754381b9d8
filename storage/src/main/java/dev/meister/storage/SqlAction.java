package dev.meister.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on an open connection inside a transaction that returns nothing. */
@FunctionalInterface
public interface SqlAction {
  void run(Connection connection) throws SQLException;
}
