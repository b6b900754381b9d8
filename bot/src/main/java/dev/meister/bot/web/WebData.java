package dev.meister.bot.web;

import dev.meister.core.filing.Break;
import dev.meister.core.flaky.FlakyTest;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.team.Team;
import dev.meister.core.web.AlertsPage;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the pages are built from: the on-call directory (the engine behind {@code /whoisoncall}),
 * the team, the alert stores, the post-mortem log and the flakiest tests.
 */
public record WebData(
    OnCallDirectory directory,
    Team team,
    AlertsPage.Stores stores,
    Supplier<List<Break>> breaks,
    Supplier<List<FlakyTest>> flakiest) {
  public WebData(
      OnCallDirectory directory,
      Team team,
      AlertsPage.Stores stores,
      Supplier<List<Break>> breaks) {
    this(directory, team, stores, breaks, List::of);
  }
}
