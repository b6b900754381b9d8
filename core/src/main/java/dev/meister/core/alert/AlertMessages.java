package dev.meister.core.alert;

import dev.meister.core.chat.Button;
import dev.meister.core.chat.ButtonAction;
import dev.meister.core.chat.EmojiNames;
import dev.meister.core.chat.OutgoingMessage;
import dev.meister.core.chat.RichText;
import dev.meister.core.schedule.Assignment;
import dev.meister.core.schedule.OnCall;
import dev.meister.core.team.Member;
import dev.meister.core.team.MemberId;
import dev.meister.core.team.Team;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The chat messages about alerts: the alert itself, its acknowledgement and digests. */
public final class AlertMessages {
  /** The button action whose payload is the alert id. */
  public static final String ACK_ACTION = ButtonAction.ACK;

  /** How a silenced alert's message names the silence that caught it: this, then its label. */
  public static final String SILENCED_BY = "🔕 silenced by ";

  private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm z");

  /** The button action that files an issue; its payload is the alert id. */
  public static final String ISSUE_ACTION = ButtonAction.FILE_ISSUE;

  /** The button action that links to an issue; its payload is {@code ALERT-ID:ISSUE-NUMBER}. */
  public static final String SAME_ACTION = ButtonAction.SAME_AS;

  private final Team team;
  private final AlertNotes notes;
  private final @Nullable SimilarIssues filedIssues;
  private final AlertButtons extraButtons;

  public AlertMessages(Team team) {
    this(team, AlertNotes.NONE);
  }

  /**
   * @param notes extra lines under each alert, e.g. its pipeline's owners and hints
   */
  public AlertMessages(Team team, AlertNotes notes) {
    this(team, notes, null);
  }

  /**
   * @param notes extra lines under each alert, e.g. its pipeline's owners and hints
   * @param filedIssues when given, alerts offer "📝 File issue" and, when an open issue Meister
   *     filed has the same fingerprint, say "looks like #N" and offer "Same as #N"
   */
  public AlertMessages(Team team, AlertNotes notes, @Nullable SimilarIssues filedIssues) {
    this(team, notes, filedIssues, AlertButtons.NONE);
  }

  /**
   * @param extraButtons buttons after the alert's own, kept when it is taken (e.g. "🛠 Actions")
   */
  public AlertMessages(
      Team team, AlertNotes notes, @Nullable SimilarIssues filedIssues, AlertButtons extraButtons) {
    this.team = team;
    this.notes = notes;
    this.filedIssues = filedIssues;
    this.extraButtons = extraButtons;
  }

  /**
   * The alert as first posted, with a "Looking" button.
   *
   * @param onCall who to tag; {@code null} for an alert no route matched
   * @param zone the team's zone, for times
   */
  public OutgoingMessage alert(Alert alert, @Nullable OnCall onCall, ZoneId zone) {
    return render(alert, onCall, zone, false, Optional.empty());
  }

  /**
   * {@link #alert} for an alert stored in the transaction that posts it: it cannot be filed,
   * resolved or escalated yet, so the notes look up only what it can carry from the start (see
   * {@link AlertNotes#addToNew}).
   *
   * @param silencedBy the label of the silence that caught it, which the intake has just decided
   *     and recorded: the message then says so on its last line (where the silence's note puts it
   *     on every later edit) and pings no one
   */
  public OutgoingMessage newAlert(
      Alert alert, @Nullable OnCall onCall, ZoneId zone, Optional<String> silencedBy) {
    return render(alert, onCall, zone, true, silencedBy);
  }

  private OutgoingMessage render(
      Alert alert,
      @Nullable OnCall onCall,
      ZoneId zone,
      boolean isNew,
      Optional<String> silencedBy) {
    boolean stored = alert.id() != null && !isNew;
    Optional<SimilarIssues.SimilarIssue> similar = similar(alert);
    RichText.Builder body = body(alert, onCall, zone, similar);
    boolean pingsNone;
    if (isNew) {
      notes.addToNew(alert, body);
      silencedBy.ifPresent(label -> body.newline().text(SILENCED_BY + label));
      pingsNone = silencedBy.isPresent() || notes.silencesNew(alert);
    } else {
      notes.addTo(alert, body);
      pingsNone = notes.silences(alert);
    }
    RichText text = pingsNone ? body.build().withoutMentions(this::displayName) : body.build();
    if (stored && notes.resolved(alert)) {
      return OutgoingMessage.of(text);
    }
    long id = alert.storedId().value();
    List<Button> buttons = new ArrayList<>();
    buttons.add(new Button(EmojiNames.unicode("eyes") + " Looking", new ButtonAction.Ack(id)));
    if (filedIssues != null && !(stored && notes.filed(alert))) {
      buttons.add(
          new Button(EmojiNames.unicode("memo") + " File issue", new ButtonAction.FileIssue(id)));
      similar.ifPresent(
          issue ->
              buttons.add(
                  new Button(
                      "Same as #" + issue.number(), new ButtonAction.SameAs(id, issue.number()))));
    }
    buttons.addAll(extraButtons.buttonsFor(alert));
    return new OutgoingMessage(text, buttons);
  }

  /**
   * The alert with who took it, without its own buttons (only the extra ones, such as "🛠
   * Actions"): to edit the posted alert in place.
   */
  public OutgoingMessage acknowledged(
      Alert alert, @Nullable OnCall onCall, ZoneId zone, Acknowledgement ack) {
    RichText.Builder text = body(alert, onCall, zone, similar(alert));
    notes.addTo(alert, text);
    text.newline()
        .text(
            EmojiNames.unicode("eyes")
                + " "
                + displayName(ack.member())
                + " is looking into this (since "
                + ack.at().atZone(zone).format(SINCE)
                + ")");
    return new OutgoingMessage(quiet(alert, text.build()), extraButtons.buttonsFor(alert));
  }

  /**
   * The copy of an alert's message for a mirror chat: the same text, pinging no one (the on-call
   * works in the route's first chat; the mirror is for following along), and only the "Looking"
   * button, since filing answers in the first chat's thread.
   */
  public OutgoingMessage mirror(OutgoingMessage message) {
    List<Button> ack =
        message.buttons().stream().filter(b -> b.action() instanceof ButtonAction.Ack).toList();
    return new OutgoingMessage(message.text().withoutMentions(this::displayName), ack);
  }

  private RichText quiet(Alert alert, RichText text) {
    return notes.silences(alert) ? text.withoutMentions(this::displayName) : text;
  }

  /** The reply in the alert's thread when someone takes it. */
  public OutgoingMessage ackReply(Acknowledgement ack) {
    return OutgoingMessage.of(
        RichText.builder().mention(ack.member()).text(" is looking into this.").build());
  }

  /** The reply to a second person trying to take an alert already taken. */
  public OutgoingMessage alreadyAcked(Acknowledgement ack, ZoneId zone) {
    return OutgoingMessage.plain(
        displayName(ack.member())
            + " is already looking into this (since "
            + ack.at().atZone(zone).format(SINCE)
            + ").");
  }

  /** Several alerts for one rotation in one message, when posting each would flood the chat. */
  public OutgoingMessage digest(List<Alert> alerts, String rotationName) {
    return digest(alerts, alerts.size(), rotationName);
  }

  /**
   * A digest of {@code total} held-back alerts that lists the first of them, {@code listed}: in a
   * storm of thousands the count matters and a list of all would not fit a message.
   */
  public OutgoingMessage digest(List<Alert> listed, int total, String rotationName) {
    String failures = total == 1 ? " more failure in " : " more failures in ";
    RichText.Builder text = RichText.builder().bold(total + failures + rotationName + ":");
    List<Alert> alerts = listed;
    for (Alert a : alerts) {
      text.newline().text("#" + a.storedId() + " ");
      String title = AlertDetails.cap(a.title());
      Optional<String> url = a.origin().pageUrl();
      if (url.isPresent()) {
        text.link(title, url.get());
      } else {
        text.text(title);
      }
    }
    if (total > listed.size()) {
      text.newline().text("… and " + (total - listed.size()) + " more.");
    }
    return OutgoingMessage.of(text.newline().text("Reply /ack ID to take one.").build());
  }

  /** The alert's text up to its notes, which the caller adds. */
  private RichText.Builder body(
      Alert alert,
      @Nullable OnCall onCall,
      ZoneId zone,
      Optional<SimilarIssues.SimilarIssue> similar) {
    RichText.Builder text = RichText.builder();
    priorityLine(alert.priority(), text);
    text.text(EmojiNames.unicode("red_circle") + " ")
        .bold(AlertDetails.cap(alert.title()))
        .newline();
    alert
        .origin()
        .match(
            run -> AlertDetails.github(run, text), task -> AlertDetails.airflow(task, zone, text));
    similar.ifPresent(
        issue ->
            text.text(EmojiNames.unicode("memo") + " Looks like ")
                .link("#" + issue.number(), issue.url())
                .text(" (" + AlertDetails.cap(issue.title()) + ")")
                .newline());
    onCallLine(onCall, text);
    return text;
  }

  /**
   * "🚨 HIGHEST PRIORITY (P4) @lead" for an alert at the scale's top; "📢 P3 @lead" for one a rule
   * tags people on at a lower level; nothing for the rest. Level and tags are separate (seed 000
   * tags the lead only for some of the highest-priority failures), so either part may be absent.
   */
  private void priorityLine(AlertPriority priority, RichText.Builder text) {
    List<MemberId> tagged =
        priority.tags().stream().flatMap(t -> t.members(team).stream()).distinct().toList();
    if (!priority.urgent() && tagged.isEmpty()) {
      return;
    }
    String level = priority.level().map(l -> " (" + l + ")").orElse("");
    if (priority.urgent()) {
      text.text(EmojiNames.unicode("rotating_light") + " HIGHEST PRIORITY" + level);
    } else {
      text.text(EmojiNames.unicode("loudspeaker") + priority.level().map(l -> " " + l).orElse(""));
    }
    for (MemberId member : tagged) {
      text.text(" ").mention(member);
    }
    text.newline();
  }

  private Optional<SimilarIssues.SimilarIssue> similar(Alert alert) {
    return filedIssues == null ? Optional.empty() : filedIssues.openFor(alert.fingerprint());
  }

  private void onCallLine(@Nullable OnCall onCall, RichText.Builder text) {
    if (onCall == null) {
      text.text("On call: nobody (no route matched)");
      return;
    }
    text.text("On call: ").mention(onCall.primary().member());
    Assignment secondary = onCall.secondary();
    if (secondary != null) {
      text.text(", Level 2: " + displayName(secondary.member()));
    }
  }

  private String displayName(MemberId id) {
    return team.find(id).map(Member::displayName).orElse(id.value());
  }
}
