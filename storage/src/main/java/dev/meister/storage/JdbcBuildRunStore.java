package dev.meister.storage;

import dev.meister.core.chat.AlertId;
import dev.meister.core.flaky.BuildRun;
import dev.meister.core.flaky.BuildRunStore;
import dev.meister.core.flaky.FlakyPass;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Workflow run attempts in {@code build_runs} with their failing tests in {@code build_run_tests},
 * and the tests seen passing on re-run in {@code flaky_tests}.
 */
public final class JdbcBuildRunStore implements BuildRunStore {
  private static final String RUNS =
      "SELECT id, dedup_key, repo, workflow, branch, head_sha, run_id, run_attempt, passed,"
          + " occurred_at, alert_id FROM build_runs ";

  private final Database db;

  public JdbcBuildRunStore(Database db) {
    this.db = db;
  }

  @Override
  public boolean record(BuildRun r) {
    return db.transaction(
        "recording build run " + r.dedupKey(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO build_runs (dedup_key, repo, workflow, branch, head_sha, run_id,"
                      + " run_attempt, passed, occurred_at, alert_id)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (dedup_key) DO NOTHING")) {
            ps.setString(1, r.dedupKey());
            ps.setString(2, r.repo());
            ps.setString(3, r.workflow());
            ps.setString(4, r.branch());
            ps.setString(5, r.headSha());
            ps.setLong(6, r.runId());
            ps.setInt(7, r.attempt());
            ps.setInt(8, r.passed() ? 1 : 0);
            ps.setLong(9, r.at().toEpochMilli());
            if (r.alert().isPresent()) {
              ps.setLong(10, r.alert().get().value());
            } else {
              ps.setNull(10, Types.BIGINT);
            }
            boolean fresh = ps.executeUpdate() == 1;
            if (fresh && !r.failedTests().isEmpty()) {
              insertTests(c, id(c, r.dedupKey()), r.failedTests());
            }
            return fresh;
          }
        });
  }

  @Override
  public boolean recordFailedTests(AlertId alert, List<String> tests) {
    return db.transaction(
        "recording the failing tests of alert " + alert,
        c -> {
          Optional<Long> run = Optional.empty();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT id FROM build_runs WHERE alert_id = ?")) {
            ps.setLong(1, alert.value());
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                run = Optional.of(rs.getLong(1));
              }
            }
          }
          if (run.isEmpty()) {
            return false;
          }
          insertTests(c, run.get(), tests);
          return true;
        });
  }

  private static long id(Connection c, String dedupKey) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM build_runs WHERE dedup_key = ?")) {
      ps.setString(1, dedupKey);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void insertTests(Connection c, long run, List<String> tests) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO build_run_tests (build_run_id, test) VALUES (?, ?)"
                + " ON CONFLICT (build_run_id, test) DO NOTHING")) {
      for (String test : tests) {
        ps.setLong(1, run);
        ps.setString(2, test);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public Optional<BuildRun> forAlert(AlertId alert) {
    List<BuildRun> runs =
        runs("reading the build run of alert " + alert, RUNS + "WHERE alert_id = ?", alert.value());
    return runs.stream().findFirst();
  }

  @Override
  public List<BuildRun> onCommit(String repo, String workflow, String headSha) {
    return runs(
        "reading the runs of " + repo + " " + workflow + " on " + headSha,
        RUNS + "WHERE repo = ? AND workflow = ? AND head_sha = ? ORDER BY occurred_at, id",
        repo,
        workflow,
        headSha);
  }

  @Override
  public List<BuildRun> lastOnBranch(String repo, String workflow, String branch, int limit) {
    return runs(
        "reading the last runs of " + repo + " " + workflow + " on " + branch,
        RUNS
            + "WHERE repo = ? AND workflow = ? AND branch = ?"
            + " ORDER BY occurred_at DESC, id DESC LIMIT ?",
        repo,
        workflow,
        branch,
        limit);
  }

  private List<BuildRun> runs(String what, String sql, Object... params) {
    return db.transaction(
        what,
        c -> {
          List<BuildRun> out = new ArrayList<>();
          List<Long> ids = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong("id"));
                long alert = rs.getLong("alert_id");
                Optional<AlertId> alertId =
                    rs.wasNull() ? Optional.empty() : Optional.of(new AlertId(alert));
                out.add(
                    new BuildRun(
                        rs.getString("dedup_key"),
                        rs.getString("repo"),
                        rs.getString("workflow"),
                        rs.getString("branch"),
                        rs.getString("head_sha"),
                        rs.getLong("run_id"),
                        rs.getInt("run_attempt"),
                        rs.getInt("passed") == 1,
                        Instant.ofEpochMilli(rs.getLong("occurred_at")),
                        alertId,
                        List.of()));
              }
            }
          }
          List<BuildRun> withTests = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT test FROM build_run_tests WHERE build_run_id = ? ORDER BY test")) {
            for (int i = 0; i < out.size(); i++) {
              ps.setLong(1, ids.get(i));
              List<String> tests = new ArrayList<>();
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  tests.add(rs.getString(1));
                }
              }
              withTests.add(out.get(i).withFailedTests(tests));
            }
          }
          return withTests;
        });
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (p instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else {
        ps.setString(i + 1, (String) p);
      }
    }
  }

  @Override
  public boolean recordPass(FlakyPass p) {
    return db.transaction(
        "recording " + p.test() + " flaky on " + p.headSha(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO flaky_tests (repo, workflow, branch, test, head_sha,"
                      + " failed_alert_id, passed_attempt, seen_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (repo, test, head_sha) DO NOTHING")) {
            ps.setString(1, p.repo());
            ps.setString(2, p.workflow());
            ps.setString(3, p.branch());
            ps.setString(4, p.test());
            ps.setString(5, p.headSha());
            if (p.failedAlert().isPresent()) {
              ps.setLong(6, p.failedAlert().get().value());
            } else {
              ps.setNull(6, Types.BIGINT);
            }
            ps.setInt(7, p.passedAttempt());
            ps.setLong(8, p.seenAt().toEpochMilli());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<FlakyPass> passesOf(String repo, String test) {
    return passes(
        "reading the passes on re-run of " + test,
        "WHERE repo = ? AND test = ? ORDER BY seen_at DESC, id DESC",
        repo,
        test);
  }

  @Override
  public List<FlakyPass> passesSince(Instant since) {
    return passes(
        "reading the flaky tests since " + since,
        "WHERE seen_at >= ? ORDER BY seen_at DESC, id DESC",
        since.toEpochMilli());
  }

  private List<FlakyPass> passes(String what, String where, Object... params) {
    return db.transaction(
        what,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT repo, workflow, branch, test, head_sha, failed_alert_id,"
                      + " passed_attempt, seen_at FROM flaky_tests "
                      + where)) {
            bind(ps, params);
            List<FlakyPass> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long alert = rs.getLong("failed_alert_id");
                Optional<AlertId> alertId =
                    rs.wasNull() ? Optional.empty() : Optional.of(new AlertId(alert));
                out.add(
                    new FlakyPass(
                        rs.getString("repo"),
                        rs.getString("workflow"),
                        rs.getString("branch"),
                        rs.getString("test"),
                        rs.getString("head_sha"),
                        alertId,
                        rs.getInt("passed_attempt"),
                        Instant.ofEpochMilli(rs.getLong("seen_at"))));
              }
            }
            return out;
          }
        });
  }
}
