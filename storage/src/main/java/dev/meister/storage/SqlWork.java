package dev.meister.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on an open connection inside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
