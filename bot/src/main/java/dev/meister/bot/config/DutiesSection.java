package dev.meister.bot.config;

import dev.meister.core.handoff.HandoffPolicy;
import dev.meister.core.pipeline.FixDeadline;
import dev.meister.core.pipeline.Hint;
import dev.meister.core.pipeline.OnCallPolicy;
import dev.meister.core.pipeline.Party;
import dev.meister.core.pipeline.Pipeline;
import dev.meister.core.pipeline.RunSchedule;
import dev.meister.core.pipeline.Sla;
import dev.meister.core.pipeline.WorkHours;
import dev.meister.core.team.MemberId;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code handoffs}, {@code fix_or_revert}, {@code escalation} and {@code pipelines} (whose
 * SLAs are checked on the instances of the {@code airflow} section), and collects the per-rotation
 * epics and per-route acknowledgement timeouts read with their sections.
 */
final class DutiesSection {
  private static final List<String> HANDOFF_KEYS = List.of("remind_after", "escalate_after");
  private static final List<String> FIX_KEYS = List.of("enabled", "after", "every");
  private static final List<String> ESCALATION_KEYS = List.of("nudge_after");
  private static final List<String> PIPELINE_KEYS =
      List.of(
          "name",
          "description",
          "dag",
          "owners",
          "schedule",
          "sla",
          "upstream",
          "downstream",
          "hints",
          "runbooks",
          "airflow",
          "fix_within",
          "fix_by",
          "on_call",
          "work_hours",
          "check_every",
          "check_at",
          "actions");
  private static final List<String> OWNER_KEYS = List.of("primary", "secondary");
  private static final List<String> HINT_KEYS = List.of("pattern", "hint");

  private final Problems problems;
  private final TeamSection team;
  private final RotationSection rotations;
  private final RoutesSection routes;
  private final @Nullable ActionsSection actions;

  DutiesSection(
      Problems problems, TeamSection team, RotationSection rotations, RoutesSection routes) {
    this(problems, team, rotations, routes, null);
  }

  /**
   * @param actions reads each pipeline's {@code actions}; null to take none
   */
  DutiesSection(
      Problems problems,
      TeamSection team,
      RotationSection rotations,
      RoutesSection routes,
      @Nullable ActionsSection actions) {
    this.problems = problems;
    this.team = team;
    this.rotations = rotations;
    this.routes = routes;
    this.actions = actions;
  }

  DutiesConfig read(Fields top, Map<String, AirflowInstance> airflow) {
    Fields h = top.map("handoffs", false, HANDOFF_KEYS);
    HandoffPolicy policy = HandoffPolicy.defaults();
    if (h != null) {
      Duration remind = h.value("remind_after", false, Durations::positive);
      Duration escalate = h.value("escalate_after", false, Durations::positive);
      Duration r = remind == null ? policy.remindAfter() : remind;
      Duration e = escalate == null ? policy.escalateAfter() : escalate;
      if (e.compareTo(r) <= 0) {
        problems.add(
            h.line(),
            h.path("escalate_after"),
            "must be later than remind_after (" + r.toHours() + "h)");
      } else {
        policy = new HandoffPolicy(r, e, policy.announceWithin());
      }
    }
    return new DutiesConfig(
        policy,
        rotations.rotationEpics(),
        routes.ackTimeouts(),
        fixOrRevert(top),
        pipelines(top, airflow),
        rotations.handBacks(),
        rotations.issueReviews(),
        escalation(top),
        rotations.userGroups());
  }

  private static EscalationConfig escalation(Fields top) {
    Fields f = top.map("escalation", false, ESCALATION_KEYS);
    Duration nudge = f == null ? null : f.value("nudge_after", false, Durations::positive);
    return nudge == null ? EscalationConfig.defaults() : new EscalationConfig(nudge);
  }

  private FixOrRevertConfig fixOrRevert(Fields top) {
    FixOrRevertConfig d = FixOrRevertConfig.defaults();
    Fields f = top.map("fix_or_revert", false, FIX_KEYS);
    if (f == null) {
      return d;
    }
    Duration after = f.value("after", false, Durations::positive);
    Duration every = f.value("every", false, Durations::positive);
    return new FixOrRevertConfig(
        f.flag("enabled", true),
        after == null ? d.after() : after,
        every == null ? d.every() : every);
  }

  private List<Pipeline> pipelines(Fields top, Map<String, AirflowInstance> airflow) {
    List<Pipeline> all = new ArrayList<>();
    // The team's work hours: the default of every pipeline "debugged by team during work hours".
    Optional<WorkHours> teamHours = PipelinePolicies.teamWorkHours(top, problems);
    Map<String, Integer> names = new HashMap<>();
    for (Fields f :
        Fields.mappings(top.node("pipelines", false), "pipelines", problems, PIPELINE_KEYS)) {
      int before = problems.count();
      String name = f.text("name", true);
      if (name != null && names.putIfAbsent(name, f.line()) != null) {
        problems.add(
            f.located("name"),
            f.path("name"),
            "name '" + name + "' is already used on line " + names.get(name));
      }
      String dag = f.text("dag", true);
      Fields owners = f.map("owners", true, OWNER_KEYS);
      MemberId primary = owners == null ? null : member(owners, "primary", true);
      MemberId secondary = owners == null ? null : member(owners, "secondary", false);
      Sla sla = f.value("sla", false, DutiesSection::sla);
      List<Hint> hints = new ArrayList<>();
      for (Fields hf :
          Fields.mappings(f.node("hints", false), f.path("hints"), problems, HINT_KEYS)) {
        String pattern = hf.text("pattern", true);
        String advice = hf.text("hint", true);
        if (pattern != null && advice != null) {
          Hint hint = hf.value("pattern", true, p -> Hint.of(p, advice));
          if (hint != null) {
            hints.add(hint);
          }
        }
      }
      String description = f.text("description", false);
      RunSchedule schedule = f.value("schedule", false, RunSchedule::parse);
      FixDeadline fix = PipelinePolicies.fix(f, problems);
      OnCallPolicy onCall = PipelinePolicies.onCall(f, problems, teamHours);
      List<Party> upstream = parties(f, "upstream");
      List<Party> downstream = parties(f, "downstream");
      List<String> runbooks = texts(f, "runbooks");
      String instance = f.text("airflow", false);
      if (instance != null && !airflow.containsKey(instance)) {
        problems.add(
            f.located("airflow"),
            f.path("airflow"),
            "no Airflow instance '"
                + instance
                + "' in the airflow section"
                + (airflow.isEmpty() ? "" : "; there are: " + String.join(", ", airflow.keySet())));
      }
      if (instance == null && airflow.size() == 1) {
        instance = airflow.keySet().iterator().next();
      }
      if (actions != null && name != null) {
        actions.pipeline(
            name, f, instance != null && airflow.containsKey(instance) ? instance : null);
      }
      if (sla != null && instance == null) {
        problems.add(
            f.located("sla"),
            f.path("sla"),
            airflow.isEmpty()
                ? "an SLA is checked against Airflow, but the airflow section names no instance"
                : "say which Airflow instance to check: add 'airflow' ("
                    + String.join(", ", airflow.keySet())
                    + ")");
      }
      if (problems.count() > before
          || name == null
          || dag == null
          || primary == null
          || onCall == null) {
        continue;
      }
      all.add(
          new Pipeline(
              name,
              description == null ? "" : description,
              dag,
              primary,
              secondary,
              schedule,
              sla,
              fix,
              onCall,
              upstream,
              downstream,
              hints,
              runbooks,
              instance));
    }
    return all;
  }

  /** {@code "03:00 UTC"}, {@code "07:30 Europe/Berlin"} or just {@code "03:00"} (UTC). */
  private static Sla sla(String text) {
    String[] parts = text.trim().split("\\s+", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a deadline like \"03:00 UTC\" or \"07:30 Europe/Berlin\"");
    }
    LocalTime by = Values.time(parts[0]);
    ZoneId zone = parts.length == 2 ? Values.zone(parts[1]) : ZoneOffset.UTC;
    return new Sla(by, zone);
  }

  private @Nullable MemberId member(Fields f, String key, boolean required) {
    YNode node = f.node(key, required);
    return node == null ? null : team.reference(node, f.path(key));
  }

  /**
   * Up- or downstream owners: a team member's id is tagged; anything else (a team such as {@code
   * Account team}, a chat handle such as {@code @accounts}) is shown as written.
   */
  private List<Party> parties(Fields f, String key) {
    List<Party> parties = new ArrayList<>();
    YSeq list = f.list(key, false);
    if (list != null) {
      for (int i = 0; i < list.items().size(); i++) {
        String text = Fields.scalar(list.items().get(i), Problems.item(f.path(key), i), problems);
        if (text != null && !text.isBlank()) {
          parties.add(
              team.known(text.trim())
                  .<Party>map(Party.Member::new)
                  .orElseGet(() -> new Party.Named(text.trim())));
        }
      }
    }
    return parties;
  }

  private List<String> texts(Fields f, String key) {
    List<String> texts = new ArrayList<>();
    YSeq list = f.list(key, false);
    if (list != null) {
      for (int i = 0; i < list.items().size(); i++) {
        String t = Fields.scalar(list.items().get(i), Problems.item(f.path(key), i), problems);
        if (t != null) {
          texts.add(t);
        }
      }
    }
    return texts;
  }
}
