package dev.meister.storage;

import dev.meister.core.team.MemberId;
import dev.meister.core.web.SignInStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Sign-in links and sessions by token hash ({@code web_links}, {@code web_sessions}). */
public final class JdbcSignIns implements SignInStore {
  private final Database db;

  public JdbcSignIns(Database db) {
    this.db = db;
  }

  @Override
  public void saveLink(String hash, MemberId member, Instant expiresAt) {
    db.transaction(
        "saving a sign-in link for " + member.value(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO web_links (token_hash, member, expires_at) VALUES (?, ?, ?)")) {
            ps.setString(1, hash);
            ps.setString(2, member.value());
            ps.setLong(3, expiresAt.toEpochMilli());
            return ps.executeUpdate();
          }
        });
  }

  /** One UPDATE claims the link; only when it claimed nothing is the row read to say why. */
  @Override
  public Redemption useLink(String hash, Instant now) {
    return db.transaction(
        "using a sign-in link",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE web_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"
                      + " AND expires_at > ? RETURNING member")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, hash);
            ps.setLong(3, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                return new Redemption.Used(MemberId.of(rs.getString(1)));
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("SELECT used_at FROM web_links WHERE token_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return new Redemption.Refused(Refusal.UNKNOWN);
              }
              rs.getLong(1);
              return new Redemption.Refused(rs.wasNull() ? Refusal.EXPIRED : Refusal.USED);
            }
          }
        });
  }

  @Override
  public void saveSession(String hash, MemberId member, Instant expiresAt, String csrf) {
    db.transaction(
        "starting a web session for " + member.value(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO web_sessions (token_hash, member, expires_at, csrf)"
                      + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, hash);
            ps.setString(2, member.value());
            ps.setLong(3, expiresAt.toEpochMilli());
            ps.setString(4, csrf);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Session> session(String hash, Instant now) {
    return db.transaction(
        "reading a web session",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT member, expires_at, csrf FROM web_sessions WHERE token_hash = ?"
                      + " AND ended_at IS NULL AND expires_at > ?")) {
            ps.setString(1, hash);
            ps.setLong(2, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Session>empty();
              }
              return Optional.of(
                  new Session(
                      MemberId.of(rs.getString(1)),
                      Instant.ofEpochMilli(rs.getLong(2)),
                      rs.getString(3)));
            }
          }
        });
  }

  @Override
  public void endSession(String hash) {
    db.transaction(
        "ending a web session",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE web_sessions SET ended_at = expires_at WHERE token_hash = ?")) {
            ps.setString(1, hash);
            return ps.executeUpdate();
          }
        });
  }
}
