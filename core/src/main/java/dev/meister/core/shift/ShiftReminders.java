package dev.meister.core.shift;

import dev.meister.core.chat.Attachment;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.delivery.Outbox;
import dev.meister.core.delivery.PendingMessage;
import dev.meister.core.handoff.HandoffBoundaries;
import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.Handover;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.OnCallResolver;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import dev.meister.core.timing.DueWork;
import dev.meister.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds the incoming on-call before each shift boundary of the rotations configured for it,
 * proposing the transition meeting when the rotation asks for one, its invitation attached as an
 * {@code .ics} file, and tells a rotation without the handshake "@bob is on call now" at the
 * boundary. Chats have no reliable direct messages to a member on every platform, so both go to the
 * rotation's chat, mentioning the people. Each is recorded with its message in one transaction:
 * posted once, also across restarts.
 */
public final class ShiftReminders implements DueWork {
  private static final Logger log = LoggerFactory.getLogger(ShiftReminders.class);

  /** A boundary older than this when first seen (the bot was down) is not announced. */
  static final Duration LATE_LIMIT = Duration.ofHours(1);

  private final List<ShiftReminderRule> rules;
  private final OnCallDirectory directory;
  private final Team team;
  private final Map<RotationId, ChatRef> chats;
  private final ShiftNoticeStore notices;
  private final Outbox outbox;
  private final Transactions transactions;

  public ShiftReminders(
      List<ShiftReminderRule> rules,
      OnCallDirectory directory,
      Team team,
      Map<RotationId, ChatRef> chats,
      ShiftNoticeStore notices,
      Outbox outbox,
      Transactions transactions) {
    this.rules = List.copyOf(rules);
    this.directory = directory;
    this.team = team;
    this.chats = Map.copyOf(chats);
    this.notices = notices;
    this.outbox = outbox;
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "shift-reminders";
  }

  @Override
  public Optional<Instant> runDue(Instant now) {
    Optional<Instant> next = Optional.empty();
    for (ShiftReminderRule rule : rules) {
      Optional<Rotation> rotation = directory.find(rule.rotation());
      if (rotation.isEmpty()) {
        continue;
      }
      try {
        next = DueWork.earliest(next, rotationDue(rule, rotation.get(), now));
      } catch (RuntimeException e) {
        log.error("shift reminders of rotation {} failed", rule.rotation(), e);
      }
    }
    return next;
  }

  private Optional<Instant> rotationDue(ShiftReminderRule rule, Rotation rotation, Instant now) {
    OnCallResolver resolver = directory.resolver(rotation, now.minus(rule.before()));
    if (!rule.handshake()) {
      HandoffBoundaries.latest(resolver, now, LATE_LIMIT)
          .ifPresent(
              h ->
                  post(
                      new ShiftNotice(rotation.id(), h.at(), ShiftNotice.Kind.ON_CALL_NOW),
                      onCallNow(rotation, resolver, h),
                      now));
    }
    Optional<Handover> coming = HandoffBoundaries.after(resolver, now);
    if (coming.isEmpty()) {
      return Optional.empty();
    }
    Handover h = coming.get();
    Instant remindAt = h.at().minus(rule.before());
    if (now.isBefore(remindAt)) {
      return Optional.of(remindAt);
    }
    post(
        new ShiftNotice(rotation.id(), h.at(), ShiftNotice.Kind.REMINDER),
        reminder(rule, rotation, resolver, h, now),
        now);
    return Optional.of(h.at());
  }

  private OutgoingMessage reminder(
      ShiftReminderRule rule, Rotation rotation, OnCallResolver resolver, Handover h, Instant now) {
    RichText.Builder t =
        ShiftMessages.reminder(
            rotation, h.to(), h.from(), h.at(), secondaryAt(resolver, h.at()), now);
    Optional<Invitation> meeting = rule.meeting().map(length -> invitation(rotation, h, length));
    meeting.ifPresent(i -> ShiftMessages.meeting(t, rotation, h.from(), h.to(), i));
    OutgoingMessage message = OutgoingMessage.of(t.build());
    return meeting
        .map(i -> message.withAttachment(i.attachment(invitationFile(rotation, h), now)))
        .orElse(message);
  }

  /**
   * {@code hausmeister-handoff-2026-11-23.ics}: the rotation and the day of the boundary in its
   * zone, so files of several reminders are told apart in a downloads folder.
   */
  static String invitationFile(Rotation rotation, Handover h) {
    String suffix = "-handoff-" + h.at().atZone(rotation.zone()).toLocalDate() + ".ics";
    String id = rotation.id().value();
    int room = Attachment.MAX_NAME_LENGTH - suffix.length();
    return (id.length() <= room ? id : id.substring(0, room)) + suffix;
  }

  /**
   * The transition meeting ends at the boundary: both are still reachable, the outgoing on call.
   */
  private Invitation invitation(Rotation rotation, Handover h, Duration length) {
    String name = rotation.displayName();
    return new Invitation(
        rotation.id().value() + "-" + h.at().getEpochSecond() + "@meister",
        h.at().minus(length),
        h.at(),
        name
            + " on-call transition: "
            + team.get(h.from()).displayName()
            + " to "
            + team.get(h.to()).displayName(),
        team.get(h.from()),
        team.get(h.to()));
  }

  private OutgoingMessage onCallNow(Rotation rotation, OnCallResolver resolver, Handover h) {
    return ShiftMessages.onCallNow(
        rotation, h.to(), HandoffBoundaries.until(resolver, h), secondaryAt(resolver, h.at()));
  }

  private static Optional<MemberId> secondaryAt(OnCallResolver resolver, Instant at) {
    return resolver.onCallAt(at).secondaryAssignment().map(Assignment::member);
  }

  private void post(ShiftNotice notice, OutgoingMessage message, Instant now) {
    Optional<ChatRef> chat = Optional.ofNullable(chats.get(notice.rotation()));
    boolean first =
        transactions.inTransaction(
            () -> {
              boolean recorded = notices.record(notice, now);
              if (recorded && chat.isPresent()) {
                outbox.enqueue(PendingMessage.post(chat.get(), message, null));
              }
              return recorded;
            });
    if (first) {
      log.info("shift {} of {} at {} posted", notice.kind(), notice.rotation(), notice.boundary());
    }
  }
}
