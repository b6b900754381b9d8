/** JDBC persistence of Meister's stores: SQLite by default, migrated by Flyway at start. */
@NullMarked
package dev.meister.storage;

import org.jspecify.annotations.NullMarked;
