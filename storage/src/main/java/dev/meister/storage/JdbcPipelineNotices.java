package dev.meister.storage;

import dev.meister.core.pipeline.PipelineNotice;
import dev.meister.core.pipeline.PipelineNoticeStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/** One row per pipeline notice done. */
public final class JdbcPipelineNotices implements PipelineNoticeStore {
  private final Database db;

  public JdbcPipelineNotices(Database db) {
    this.db = db;
  }

  @Override
  public boolean posted(PipelineNotice notice) {
    return db.transaction(
        "reading pipeline notice " + notice,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM pipeline_notices WHERE pipeline = ? AND kind = ? AND subject = ?")) {
            bind(ps, notice);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  @Override
  public boolean record(PipelineNotice notice, Instant at) {
    return db.transaction(
        "recording pipeline notice " + notice,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO pipeline_notices (pipeline, kind, subject, posted_at)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (pipeline, kind, subject) DO NOTHING")) {
            bind(ps, notice);
            ps.setLong(4, at.toEpochMilli());
            return ps.executeUpdate() == 1;
          }
        });
  }

  private static void bind(PreparedStatement ps, PipelineNotice notice)
      throws java.sql.SQLException {
    ps.setString(1, notice.pipeline());
    ps.setString(2, notice.kind().name());
    ps.setString(3, notice.subject());
  }
}
