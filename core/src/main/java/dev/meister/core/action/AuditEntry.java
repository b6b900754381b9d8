package dev.meister.core.action;

import dev.meister.core.chat.AlertId;
import dev.meister.core.team.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of the audit trail: who did what to which action request, and when.
 *
 * @param id storage identity; 0 until stored
 * @param target the run, as {@link ActionTargets#describe} writes it, so the trail reads alone
 * @param by the member who did it; empty for what the bot or the clock did (preview, execution,
 *     expiry)
 * @param detail what came of it: the preview's or result's summary, the API's refusal, ...
 */
public record AuditEntry(
    long id,
    long request,
    AlertId alert,
    ActionKind kind,
    String target,
    AuditEvent event,
    Optional<MemberId> by,
    Instant at,
    String detail) {
  /** The column names of {@link #row()}. */
  public static final List<String> COLUMNS =
      List.of("at", "request", "alert", "action", "target", "event", "by", "detail");

  /** The entry for {@code event} on {@code r}. */
  public static AuditEntry of(
      ActionRequest r, AuditEvent event, Optional<MemberId> by, Instant at, String detail) {
    return new AuditEntry(
        0, r.id(), r.alert(), r.kind(), ActionTargets.describe(r.target()), event, by, at, detail);
  }

  /** The values of {@link #COLUMNS}; {@code at} as an ISO-8601 instant. */
  public List<String> row() {
    return List.of(
        at.toString(),
        Long.toString(request),
        alert.toString(),
        kind.command(),
        target,
        event.word(),
        by.map(MemberId::value).orElse(""),
        detail);
  }
}
