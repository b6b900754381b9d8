package db.migration;

import dev.meister.storage.RunFailureBackfill;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code run_failures} (V8) from the build alerts stored before it, so a build that was red
 * at the upgrade is still told "green again" by its next success. In Java because the attributes
 * are JSON, which SQL cannot read portably.
 */
public class V9__backfill_run_failures extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    RunFailureBackfill.run(context.getConnection());
  }
}
