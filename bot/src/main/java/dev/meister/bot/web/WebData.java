package dev.meister.bot.web;

import dev.meister.core.calendar.CalendarAccess;
import dev.meister.core.filing.Break;
import dev.meister.core.flaky.FlakyTest;
import dev.meister.core.handoff.HandoffStore;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.status.StatusBoard;
import dev.meister.core.status.StatusPostStore;
import dev.meister.core.team.Team;
import dev.meister.core.web.AlertsPage;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the pages are built from: the on-call directory (the engine behind {@code /whoisoncall}),
 * the team, the alert stores, the post-mortem log, the hand-off history, the configured status
 * posts and their store, the calendar tokens ({@code /me} lists the member's feed URLs), and the
 * flakiest tests.
 */
public record WebData(
    OnCallDirectory directory,
    Team team,
    AlertsPage.Stores stores,
    Supplier<List<Break>> breaks,
    HandoffStore handoffs,
    List<StatusBoard> boards,
    StatusPostStore statusPosts,
    CalendarAccess calendars,
    Supplier<List<FlakyTest>> flakiest) {
  public WebData {
    boards = List.copyOf(boards);
  }
}
