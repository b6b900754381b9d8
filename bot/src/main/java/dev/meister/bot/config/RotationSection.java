package dev.meister.bot.config;

import dev.meister.core.alert.PriorityScale;
import dev.meister.core.handoff.EpicRef;
import dev.meister.core.handoff.HandBack;
import dev.meister.core.schedule.HandoffMoment;
import dev.meister.core.schedule.Roster;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ShiftLength;
import dev.meister.core.schedule.UnavailabilityPolicy;
import dev.meister.core.schedule.WeekendLayer;
import dev.meister.core.schedule.WeeklyWindow;
import dev.meister.core.team.MemberId;
import dev.meister.core.usergroup.GroupRule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads {@code rotations}, checking rosters against the team and chats against {@code chats}. */
final class RotationSection {
  private static final List<String> ROTATION_KEYS =
      List.of(
          "name",
          "zone",
          "shift",
          "handoff",
          "anchor",
          "roster",
          "secondary",
          "weekend",
          "unavailability_policy",
          "chat",
          "epic",
          "stale_after",
          "review",
          "help_channels",
          "slack_group");
  private static final List<String> GROUP_KEYS = List.of("handle", "level2");
  private static final List<String> MOMENT_KEYS = List.of("day", "time");
  private static final List<String> REVIEW_KEYS = List.of("cron", "zone", "flaky_rate");
  private static final List<String> WEEKEND_KEYS = List.of("from", "to", "roster", "hand_back");

  private final Problems problems;
  private final TeamSection team;
  private final ChatsSection chats;
  private final Set<String> declared = new LinkedHashSet<>();
  private final List<Rotation> rotations = new ArrayList<>();
  private final Map<RotationId, ChatTarget> rotationChats = new LinkedHashMap<>();
  private final Map<RotationId, EpicRef> rotationEpics = new LinkedHashMap<>();
  private final Map<RotationId, HandBack> handBacks = new LinkedHashMap<>();
  private final Map<RotationId, java.time.Duration> staleAfter = new LinkedHashMap<>();
  private final Map<RotationId, CronSchedule> reviews = new LinkedHashMap<>();
  private final Map<RotationId, Double> flakyRates = new LinkedHashMap<>();
  private final Map<RotationId, List<ChatTarget>> helpChannels = new LinkedHashMap<>();
  private final List<GroupRule> userGroups = new ArrayList<>();
  private final Map<String, String> groupOwners = new LinkedHashMap<>();

  /** Which rotation each help channel already belongs to, by its reference. */
  private final Map<String, String> helpChannelOwners = new LinkedHashMap<>();

  private final PriorityScale scale;

  /** Reads rotations whose {@code weekend.hand_back} levels must be on {@code scale}. */
  RotationSection(Problems problems, TeamSection team, ChatsSection chats, PriorityScale scale) {
    this.problems = problems;
    this.team = team;
    this.chats = chats;
    this.scale = scale;
  }

  void read(@Nullable YNode node, int rootLine) {
    if (node == null) {
      problems.add(rootLine, "rotations", "missing required section 'rotations'");
      return;
    }
    Fields all = Fields.anyKeys(node, "rotations", problems);
    if (all == null) {
      return;
    }
    for (String id : all.keys()) {
      declared.add(id);
      rotation(id, all);
    }
  }

  List<Rotation> rotations() {
    return rotations;
  }

  Map<RotationId, ChatTarget> rotationChats() {
    return rotationChats;
  }

  /** The epic whose assignee follows the on-call, for rotations that name one. */
  Map<RotationId, EpicRef> rotationEpics() {
    return rotationEpics;
  }

  /** What the weekend on-call hands back on Monday, for rotations that say. */
  Map<RotationId, HandBack> handBacks() {
    return handBacks;
  }

  /** How long without activity makes a rotation's issues stale, and when they are reviewed. */
  IssueReviewConfig issueReviews() {
    return new IssueReviewConfig(staleAfter, reviews, helpChannels, flakyRates);
  }

  /** The rotation {@code node} names; {@code null} (reported unless declared) if there is none. */
  @Nullable Rotation reference(YNode node, String path) {
    String id = Fields.scalar(node, path, problems);
    if (id == null) {
      return null;
    }
    if (!declared.contains(id)) {
      problems.add(
          node, path, "unknown rotation '" + id + "'" + Suggestions.didYouMean(id, declared));
      return null;
    }
    return rotations.stream().filter(r -> r.id().value().equals(id)).findFirst().orElse(null);
  }

  private void rotation(String id, Fields all) {
    int before = problems.count();
    String path = all.path(id);
    RotationId rotationId = null;
    try {
      rotationId = RotationId.of(id);
    } catch (IllegalArgumentException e) {
      problems.add(all.keyLine(id), path, String.valueOf(e.getMessage()));
    }
    YNode node = all.node(id, true);
    Fields f = node == null ? null : Fields.of(node, path, problems, ROTATION_KEYS);
    if (f == null) {
      return;
    }
    String name = f.text("name", true);
    ZoneId zone = f.value("zone", true, Values::zone);
    ShiftLength shift = f.value("shift", true, ShiftLength::parse);
    HandoffMoment handoff = handoff(f.map("handoff", true, MOMENT_KEYS));
    LocalDate anchor = f.value("anchor", true, Values::date);
    Roster primary = roster(f, "roster", true);
    Roster secondary = roster(f, "secondary", false);
    Fields weekendFields = f.map("weekend", false, WEEKEND_KEYS);
    WeekendLayer weekend = weekend(weekendFields);
    HandBack handBack = weekendFields == null ? null : handBack(weekendFields);
    UnavailabilityPolicy policy =
        f.value("unavailability_policy", false, t -> Values.choice(UnavailabilityPolicy.class, t));
    YNode chatNode = f.node("chat", false);
    ChatTarget chat = chatNode == null ? null : chats.reference(chatNode, f.path("chat"));
    EpicRef epic = f.value("epic", false, EpicRef::parse);
    java.time.Duration stale = f.value("stale_after", false, Durations::positive);
    Fields reviewFields = f.map("review", false, REVIEW_KEYS);
    CronSchedule review = review(reviewFields, zone);
    Double flakyRate =
        reviewFields == null
            ? null
            : reviewFields.value("flaky_rate", false, IssueReviewConfig::flakyRate);
    if (f.has("review") && chatNode == null) {
      problems.add(f.located("review"), f.path("review"), "a review needs the rotation's 'chat'");
    }
    List<ChatTarget> help = helpChannels(f, id);
    GroupRule group = rotationId == null ? null : slackGroup(f, rotationId);
    if (anchor != null && shift != null && handoff != null) {
      checkAnchor(f, anchor, shift, handoff);
    }
    if (problems.count() > before
        || rotationId == null
        || name == null
        || zone == null
        || shift == null
        || handoff == null
        || anchor == null
        || primary == null
        || (f.has("secondary") && secondary == null)
        || (f.has("weekend") && weekend == null)) {
      return;
    }
    try {
      rotations.add(
          new Rotation(
              rotationId,
              name,
              zone,
              shift,
              handoff,
              anchor,
              primary,
              secondary,
              weekend,
              policy == null ? UnavailabilityPolicy.SKIP_TO_NEXT : policy));
      if (chat != null) {
        rotationChats.put(rotationId, chat);
      }
      if (epic != null) {
        rotationEpics.put(rotationId, epic);
      }
      if (handBack != null) {
        handBacks.put(rotationId, handBack);
      }
      if (stale != null) {
        staleAfter.put(rotationId, stale);
      }
      if (review != null) {
        reviews.put(rotationId, review);
      }
      if (flakyRate != null) {
        flakyRates.put(rotationId, flakyRate);
      }
      if (help != null) {
        helpChannels.put(rotationId, help);
      }
      if (group != null) {
        userGroups.add(group);
      }
    } catch (IllegalArgumentException e) {
      problems.add(f.line(), path, String.valueOf(e.getMessage()));
    }
  }

  private void checkAnchor(Fields f, LocalDate anchor, ShiftLength shift, HandoffMoment handoff) {
    boolean wholeWeeks = shift.unit() == ShiftLength.Unit.DAYS && shift.amount() % 7 == 0;
    if (wholeWeeks && anchor.getDayOfWeek() != handoff.day()) {
      problems.add(
          f.located("anchor"),
          f.path("anchor"),
          "anchor "
              + anchor
              + " is a "
              + dayName(anchor.getDayOfWeek())
              + ", but hand-offs are on "
              + dayName(handoff.day()));
    }
  }

  private static String dayName(DayOfWeek day) {
    String lower = day.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private @Nullable HandoffMoment handoff(@Nullable Fields f) {
    if (f == null) {
      return null;
    }
    DayOfWeek day = f.value("day", true, Values::day);
    LocalTime time = f.value("time", true, Values::time);
    return day == null || time == null ? null : new HandoffMoment(day, time);
  }

  /**
   * {@code help_channels}: a chat or a list of chats; one chat can be the help channel of only one
   * rotation, or a question there would not know whose on-call to tag.
   */
  private @Nullable List<ChatTarget> helpChannels(Fields f, String rotation) {
    YNode node = f.node("help_channels", false);
    if (node == null) {
      return null;
    }
    List<ChatTarget> targets = chats.references(node, f.path("help_channels"));
    if (targets == null) {
      return null;
    }
    for (ChatTarget t : targets) {
      String before = helpChannelOwners.putIfAbsent(t.reference(), rotation);
      if (before != null) {
        problems.add(
            node,
            f.path("help_channels"),
            t.reference() + " is already the help channel of rotation '" + before + "'");
        return null;
      }
    }
    return targets;
  }

  /** The rotations' Slack user groups that follow the on-call. */
  List<GroupRule> userGroups() {
    return userGroups;
  }

  /**
   * {@code slack_group: hausmeister} or {@code { handle: hausmeister, level2: true }}: needs the
   * Slack chat, and one group follows one rotation.
   */
  private @Nullable GroupRule slackGroup(Fields f, RotationId rotation) {
    YNode node = f.node("slack_group", false);
    if (node == null) {
      return null;
    }
    String handle;
    boolean level2 = false;
    if (node instanceof YMap) {
      Fields g = f.map("slack_group", false, GROUP_KEYS);
      if (g == null) {
        return null;
      }
      handle = g.text("handle", true);
      level2 = g.flag("level2", false);
    } else {
      handle = f.text("slack_group", false);
    }
    if (handle == null) {
      return null;
    }
    String bare = handle.startsWith("@") ? handle.substring(1) : handle;
    if (!bare.matches("[a-z0-9][a-z0-9._-]{0,79}")) {
      problems.add(
          node,
          f.path("slack_group"),
          "'" + handle + "' is no Slack user group handle (lower-case letters, digits, . _ -)");
      return null;
    }
    if (chats.config().slack() == null) {
      problems.add(node, f.path("slack_group"), "a slack_group needs the Slack chat (chats.slack)");
      return null;
    }
    String before = groupOwners.putIfAbsent(bare, rotation.value());
    if (before != null) {
      problems.add(
          node, f.path("slack_group"), "@" + bare + " already follows rotation '" + before + "'");
      return null;
    }
    return new GroupRule(rotation, bare, level2);
  }

  /** {@code review: { cron, zone }}; the zone defaults to the rotation's. */
  private @Nullable CronSchedule review(@Nullable Fields f, @Nullable ZoneId rotationZone) {
    if (f == null) {
      return null;
    }
    ZoneId own = f.value("zone", false, Values::zone);
    String cron = f.text("cron", true);
    ZoneId z = own != null ? own : rotationZone;
    if (cron == null || z == null) {
      return null;
    }
    return Fields.parse(f.located("cron"), f.path("cron"), problems, t -> CronSchedule.parse(t, z));
  }

  private @Nullable WeekendLayer weekend(@Nullable Fields f) {
    if (f == null) {
      return null;
    }
    HandoffMoment from = handoff(f.map("from", true, MOMENT_KEYS));
    HandoffMoment to = handoff(f.map("to", true, MOMENT_KEYS));
    Roster roster = roster(f, "roster", true);
    if (from == null || to == null || roster == null) {
      return null;
    }
    try {
      WeeklyWindow window = new WeeklyWindow(from.day(), from.time(), to.day(), to.time());
      return new WeekendLayer(window, roster);
    } catch (IllegalArgumentException e) {
      problems.add(f.line(), f.path(), String.valueOf(e.getMessage()));
      return null;
    }
  }

  /**
   * {@code hand_back: [P4, P3]}: levels of the scale, as it spells them; each other one reported
   * where it stands.
   */
  private @Nullable HandBack handBack(Fields f) {
    YSeq list = f.list("hand_back", false);
    if (list == null) {
      return null;
    }
    List<String> levels = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < list.items().size(); i++) {
      YNode item = list.items().get(i);
      String path = Problems.item(f.path("hand_back"), i);
      String text = Fields.scalar(item, path, problems);
      if (text == null) {
        complete = false;
        continue;
      }
      Optional<String> level = scale.level(text);
      if (level.isEmpty()) {
        problems.add(
            item,
            path,
            "unknown priority '" + text.strip() + "'; the priorities are " + scale.describe());
        complete = false;
      } else {
        levels.add(level.get());
      }
    }
    return complete ? new HandBack(levels) : null;
  }

  private @Nullable Roster roster(Fields f, String key, boolean required) {
    YSeq list = f.list(key, required);
    if (list == null) {
      return null;
    }
    if (list.items().isEmpty()) {
      problems.add(list, f.path(key), "must list at least one member");
      return null;
    }
    List<MemberId> members = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < list.items().size(); i++) {
      MemberId member = team.reference(list.items().get(i), Problems.item(f.path(key), i));
      if (member == null) {
        complete = false;
      } else {
        members.add(member);
      }
    }
    return complete ? new Roster(members) : null;
  }
}
