package dev.meister.core.chat;

import dev.meister.core.validation.Checks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * What pressing one of the bot's buttons means, and how that travels through a chat platform: as
 * {@code name:payload} (Telegram {@code callback_data}, Discord {@code custom_id}; Slack carries
 * the name in {@code action_id} and the payload in {@code value}). The encoding is the one buttons
 * always had, so buttons posted by an earlier version still work. Every encoding fits Telegram's 64
 * bytes of callback data; {@link #decode} refuses anything that does not.
 *
 * <p>The records carry plain values (numbers, a rotation's id as text), not the domain types of the
 * packages that handle them, so that chat depends on none of them.
 */
public sealed interface ButtonAction {
  /** Telegram accepts at most this many bytes of {@code callback_data}. */
  int MAX_BYTES = 64;

  String ACK = "ack";
  String FILE_ISSUE = "issue";
  String SAME_AS = "same";
  String HANDED_OVER = "hoff_out";
  String ACCEPT_HANDOFF = "hoff_in";
  String ACCEPT_REQUEST = "req_yes";
  String DECLINE_REQUEST = "req_no";
  String SHOW_ACTIONS = "actions";
  String CLOSE_QUESTION = "q_done";

  /** Runbook action buttons are named {@code run_<action>}, e.g. {@code run_mark-success:17}. */
  String RUN_ACTION_PREFIX = "run_";

  String CONFIRM_ACTION = "act_confirm";
  String CANCEL_ACTION = "act_cancel";
  String APPROVE_ACTION = "act_approve";
  String DENY_ACTION = "act_deny";

  /** The action's name, the part before the colon. */
  String name();

  /** What the button carries, the part after the colon; may be empty. */
  String payload();

  /** {@code name:payload}, at most {@link #MAX_BYTES} bytes. */
  default String encode() {
    return name() + ":" + payload();
  }

  /**
   * The action {@code data} encodes; empty for unknown actions, broken payloads and over-long data.
   */
  static Optional<ButtonAction> decode(String data) {
    if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.empty();
    }
    int colon = data.indexOf(':');
    return decode(
        colon < 0 ? data : data.substring(0, colon), colon < 0 ? "" : data.substring(colon + 1));
  }

  /** Like {@link #decode(String)}, for platforms that carry the name and the payload apart. */
  static Optional<ButtonAction> decode(String name, String payload) {
    if ((name + ":" + payload).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          switch (name) {
            case ACK -> payload.isEmpty() ? new AckMessage() : new Ack(number(payload));
            case FILE_ISSUE -> new FileIssue(number(payload));
            case SAME_AS -> sameAs(payload);
            case HANDED_OVER -> HandoffPayload.parse(payload).map(HandedOver::of).orElse(null);
            case ACCEPT_HANDOFF ->
                HandoffPayload.parse(payload).map(AcceptHandoff::of).orElse(null);
            case ACCEPT_REQUEST -> new AcceptRequest(number(payload));
            case DECLINE_REQUEST -> new DeclineRequest(number(payload));
            case SHOW_ACTIONS -> new ShowActions(number(payload));
            case CLOSE_QUESTION -> new CloseQuestion(number(payload));
            case CONFIRM_ACTION -> new ConfirmAction(number(payload));
            case CANCEL_ACTION -> new CancelAction(number(payload));
            case APPROVE_ACTION -> new ApproveAction(number(payload));
            case DENY_ACTION -> new DenyAction(number(payload));
            default ->
                name.startsWith(RUN_ACTION_PREFIX)
                    ? new RunAction(number(payload), name.substring(RUN_ACTION_PREFIX.length()))
                    : null;
          });
    } catch (IllegalArgumentException broken) { // NumberFormatException is one
      return Optional.empty();
    }
  }

  /** "👀 Looking" under an alert. */
  record Ack(long alert) implements ButtonAction {
    @Override
    public String name() {
      return ACK;
    }

    @Override
    public String payload() {
      return Long.toString(alert);
    }
  }

  /**
   * "👀 Looking" on a button that carries no alert id (posted before buttons carried one): it
   * acknowledges the alert of the message it is under.
   */
  record AckMessage() implements ButtonAction {
    @Override
    public String name() {
      return ACK;
    }

    @Override
    public String payload() {
      return "";
    }
  }

  /** "📝 File issue" under an alert. */
  record FileIssue(long alert) implements ButtonAction {
    @Override
    public String name() {
      return FILE_ISSUE;
    }

    @Override
    public String payload() {
      return Long.toString(alert);
    }
  }

  /** "Same as #N": the alert's failure is the one issue N already tracks. */
  record SameAs(long alert, int issue) implements ButtonAction {
    @Override
    public String name() {
      return SAME_AS;
    }

    @Override
    public String payload() {
      return alert + ":" + issue;
    }
  }

  /** "✅ Handed over": the outgoing member confirms the hand-off at {@code boundary}. */
  record HandedOver(String rotation, Instant boundary) implements ButtonAction {
    public HandedOver {
      HandoffPayload.check(rotation);
    }

    static HandedOver of(HandoffPayload p) {
      return new HandedOver(p.rotation(), p.boundary());
    }

    @Override
    public String name() {
      return HANDED_OVER;
    }

    @Override
    public String payload() {
      return HandoffPayload.format(rotation, boundary);
    }
  }

  /** "🤝 Accept": the incoming member takes over at {@code boundary}. */
  record AcceptHandoff(String rotation, Instant boundary) implements ButtonAction {
    public AcceptHandoff {
      HandoffPayload.check(rotation);
    }

    static AcceptHandoff of(HandoffPayload p) {
      return new AcceptHandoff(p.rotation(), p.boundary());
    }

    @Override
    public String name() {
      return ACCEPT_HANDOFF;
    }

    @Override
    public String payload() {
      return HandoffPayload.format(rotation, boundary);
    }
  }

  /** "✅ Accept" under an override or swap request. */
  record AcceptRequest(long request) implements ButtonAction {
    @Override
    public String name() {
      return ACCEPT_REQUEST;
    }

    @Override
    public String payload() {
      return Long.toString(request);
    }
  }

  /** "✅ Done" under the bot's answer to a question asked in chat. */
  record CloseQuestion(long question) implements ButtonAction {
    @Override
    public String name() {
      return CLOSE_QUESTION;
    }

    @Override
    public String payload() {
      return Long.toString(question);
    }
  }

  /** "✖ Decline" under an override or swap request. */
  record DeclineRequest(long request) implements ButtonAction {
    @Override
    public String name() {
      return DECLINE_REQUEST;
    }

    @Override
    public String payload() {
      return Long.toString(request);
    }
  }

  /** "🛠 Actions" under an alert: lists the runbook actions its policy allows. */
  record ShowActions(long alert) implements ButtonAction {
    @Override
    public String name() {
      return SHOW_ACTIONS;
    }

    @Override
    public String payload() {
      return Long.toString(alert);
    }
  }

  /**
   * One runbook action offered for an alert, e.g. {@code run_clear:17}; the action's name rides in
   * the button's name so that every button of a menu has its own (Slack's {@code action_id}, the
   * console's {@code !N run_clear}).
   *
   * @param action the action's name as typed in chat, e.g. {@code mark-success}
   */
  record RunAction(long alert, String action) implements ButtonAction {
    private static final java.util.regex.Pattern NAME =
        java.util.regex.Pattern.compile("[a-z][a-z-]{0,30}");

    public RunAction {
      Checks.check(NAME.matcher(action).matches(), "not an action name: '" + action + "'");
    }

    @Override
    public String name() {
      return RUN_ACTION_PREFIX + action;
    }

    @Override
    public String payload() {
      return Long.toString(alert);
    }
  }

  /** "✅ Confirm" under an action's preview: the requester goes ahead. */
  record ConfirmAction(long request) implements ButtonAction {
    @Override
    public String name() {
      return CONFIRM_ACTION;
    }

    @Override
    public String payload() {
      return Long.toString(request);
    }
  }

  /** "✖ Cancel" under an action's preview: the requester drops it. */
  record CancelAction(long request) implements ButtonAction {
    @Override
    public String name() {
      return CANCEL_ACTION;
    }

    @Override
    public String payload() {
      return Long.toString(request);
    }
  }

  /** "✅ Approve" under an approval request. */
  record ApproveAction(long request) implements ButtonAction {
    @Override
    public String name() {
      return APPROVE_ACTION;
    }

    @Override
    public String payload() {
      return Long.toString(request);
    }
  }

  /** "✖ Deny" under an approval request. */
  record DenyAction(long request) implements ButtonAction {
    @Override
    public String name() {
      return DENY_ACTION;
    }

    @Override
    public String payload() {
      return Long.toString(request);
    }
  }

  private static long number(String text) {
    long n = Long.parseLong(text);
    Checks.check(n > 0, "not an id: " + text);
    return n;
  }

  private static ButtonAction sameAs(String payload) {
    int colon = payload.indexOf(':');
    Checks.check(colon > 0, "no issue in " + payload);
    int issue = Integer.parseInt(payload.substring(colon + 1));
    Checks.check(issue > 0, "not an issue number: " + payload);
    return new SameAs(number(payload.substring(0, colon)), issue);
  }
}
