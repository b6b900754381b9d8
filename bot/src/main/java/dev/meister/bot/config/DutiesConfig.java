package dev.meister.bot.config;

import dev.meister.core.handoff.EpicRef;
import dev.meister.core.handoff.HandBack;
import dev.meister.core.handoff.HandoffPolicy;
import dev.meister.core.pipeline.Pipeline;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.usergroup.GroupRule;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The timed duties around the rotations: hand-off handshakes and the epic that follows the on-call,
 * escalation of unacknowledged alerts, "fix it or revert" reminders and pipeline SLAs.
 *
 * @param epics per rotation, the epic whose assignee moves with the hand-off (moved with the {@code
 *     github} section's token; without one they stay where they are)
 * @param ackTimeouts per route name
 * @param handBacks per rotation that sets {@code weekend.hand_back}, the priorities its weekend
 *     on-call hands back on Monday (the others hand back the scale's top two)
 * @param issueReviews per rotation, when its open issues go stale and when they are posted
 * @param escalation escalating by hand: when an acknowledger is nudged
 * @param userGroups the Slack user groups that follow the rotations' on-call ({@code slack_group})
 */
public record DutiesConfig(
    HandoffPolicy handoffs,
    Map<RotationId, EpicRef> epics,
    Map<String, Duration> ackTimeouts,
    FixOrRevertConfig fixOrRevert,
    List<Pipeline> pipelines,
    Map<RotationId, HandBack> handBacks,
    IssueReviewConfig issueReviews,
    EscalationConfig escalation,
    List<GroupRule> userGroups) {

  public DutiesConfig {
    epics = Collections.unmodifiableMap(new LinkedHashMap<>(epics));
    ackTimeouts = Collections.unmodifiableMap(new LinkedHashMap<>(ackTimeouts));
    pipelines = List.copyOf(pipelines);
    handBacks = Collections.unmodifiableMap(new LinkedHashMap<>(handBacks));
    userGroups = List.copyOf(userGroups);
  }

  public Optional<Duration> ackTimeout(String route) {
    return Optional.ofNullable(ackTimeouts.get(route));
  }
}
