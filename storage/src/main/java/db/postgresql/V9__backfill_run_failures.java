package db.postgresql;

import dev.meister.storage.RunFailureBackfill;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL's twin of {@code db.migration.V9__backfill_run_failures}: the same backfill, whose SQL
 * both databases accept. A class of its own because Flyway finds Java migrations by the package of
 * its location.
 */
public class V9__backfill_run_failures extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    RunFailureBackfill.run(context.getConnection());
  }
}
