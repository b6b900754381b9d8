package dev.meister.bot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.calendar.CalendarShifts;
import dev.meister.core.calendar.Layer;
import dev.meister.core.calendar.ShiftEvent;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.Rotation;
import dev.meister.core.schedule.RotationId;
import dev.meister.core.schedule.ScheduleChanges;
import dev.meister.core.schedule.Source;
import dev.meister.core.team.MemberId;
import dev.meister.storage.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The feeds of the example rotations, written and parsed back with Biweekly, event by event against
 * the on-call engine, across the end of summer time on 25 Oct 2026 and its start on 28 Mar 2027.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class IcsFeedTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "meister.yml");
  private static final Instant NOW = Instant.parse("2026-10-15T08:00:00Z");

  private static MeisterConfig example() throws Exception {
    return new ConfigLoader(Map.of()).load(EXAMPLE, SecretPolicy.OPTIONAL);
  }

  @TempDir Path dir;

  private CalendarShifts calendar(MeisterConfig config) {
    Storage storage = Storage.open(dir.resolve("meister.db"), Clock.fixed(NOW, ZoneOffset.UTC));
    OnCallDirectory directory =
        new OnCallDirectory(
            config.rotations(),
            storage.overrides(),
            new ScheduleChanges(config.overrides(), List.of(), config.unavailability()),
            Clock.fixed(NOW, ZoneOffset.UTC));
    return new CalendarShifts(directory, config.team());
  }

  @Test
  void every_rotations_feed_reads_back_as_the_engines_shifts_across_both_dst_changes()
      throws Exception {
    MeisterConfig config = example();
    CalendarShifts shifts = calendar(config);
    Instant from = NOW.minus(CalendarRoutes.PAST);
    Instant to = NOW.plus(CalendarRoutes.AHEAD);

    for (Rotation rotation : config.rotations()) {
      List<ShiftEvent> expected = shifts.rotation(rotation, from, to);
      String text = IcsFeed.write("Meister: " + rotation.displayName(), expected, NOW);
      ICalendar parsed = Biweekly.parse(text).first();

      assertThat(parsed.getEvents()).as(rotation.id().value()).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        ShiftEvent e = expected.get(i);
        VEvent v = parsed.getEvents().get(i);
        assertThat(v.getUid().getValue()).isEqualTo(e.uid());
        assertThat(v.getDateStart().getValue().toInstant()).as(e.uid()).isEqualTo(e.start());
        assertThat(v.getDateEnd().getValue().toInstant()).as(e.uid()).isEqualTo(e.end());
        assertThat(v.getSummary().getValue()).isEqualTo(e.summary());
        assertThat(v.getCategories().get(0).getValues())
            .containsExactly(rotation.displayName(), e.layer().label());
      }
      assertThat(parsed.getTimezoneInfo().getComponents())
          .extracting(tz -> tz.getTimezoneId().getValue())
          .containsExactly(rotation.zone().getId());
    }
  }

  @Test
  void the_hausmeister_hands_off_at_11_local_before_and_after_the_clocks_change() throws Exception {
    MeisterConfig config = example();
    Rotation haus = config.rotation(RotationId.of("hausmeister")).orElseThrow();
    List<ShiftEvent> events = calendar(config).rotation(haus, NOW, NOW.plus(CalendarRoutes.AHEAD));

    String text = IcsFeed.write("Meister: Hausmeister", events, NOW);

    // Mon 19 Oct is summer time (09:00Z), Mon 2 Nov winter time (10:00Z): both 11:00 in Berlin.
    assertThat(events)
        .filteredOn(e -> e.layer() == Layer.PRIMARY)
        .extracting(ShiftEvent::start)
        .contains(Instant.parse("2026-10-19T09:00:00Z"), Instant.parse("2026-11-02T10:00:00Z"));
    assertThat(text)
        .contains("DTSTART;TZID=Europe/Berlin:20261019T110000")
        .contains("DTSTART;TZID=Europe/Berlin:20261102T110000")
        .contains("BEGIN:VTIMEZONE")
        .contains("TZID:Europe/Berlin")
        .contains("BEGIN:DAYLIGHT");
    assertThat(events).extracting(ShiftEvent::layer).contains(Layer.LEVEL_2, Layer.WEEKEND);
  }

  /**
   * Biweekly's reader turns a VTIMEZONE into a {@code java.util.TimeZone} that assumes an hour of
   * summer time (Lord Howe's half hour reads back 30 minutes off), so Australia/Lord_Howe is
   * checked by its observances' rules in the next test instead.
   */
  @ParameterizedTest
  @ValueSource(strings = {"Europe/Berlin", "Asia/Kathmandu", "America/New_York", "UTC"})
  void a_zones_vtimezone_puts_local_times_back_at_the_same_instants(String id) {
    ZoneId zone = ZoneId.of(id);
    List<ShiftEvent> events =
        java.util.stream.IntStream.range(0, 60)
            .mapToObj(
                week -> {
                  Instant start =
                      LocalDateTime.of(2026, 1, 5, 2, 30).plusWeeks(week).atZone(zone).toInstant();
                  return new ShiftEvent(
                      "t-" + week,
                      RotationId.of("ops"),
                      "Ops",
                      Layer.PRIMARY,
                      MemberId.of("bob"),
                      "Bob",
                      start,
                      start.plusSeconds(7 * 86400),
                      zone,
                      Source.REGULAR);
                })
            .toList();

    ICalendar parsed = Biweekly.parse(IcsFeed.write("Ops", events, NOW)).first();

    assertThat(parsed.getEvents())
        .extracting(v -> v.getDateStart().getValue().toInstant())
        .containsExactlyElementsOf(events.stream().map(ShiftEvent::start).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Europe/Berlin", "Australia/Lord_Howe", "America/New_York"})
  void each_observance_recurs_on_the_jdks_transitions_with_its_offsets(String id) {
    ZoneId zone = ZoneId.of(id);
    biweekly.component.VTimezone tz = VTimezones.of(zone, NOW);
    List<biweekly.component.Observance> observances = new java.util.ArrayList<>();
    observances.addAll(tz.getStandardTimes());
    observances.addAll(tz.getDaylightSavingsTime());
    assertThat(observances).hasSize(2);

    for (biweekly.component.Observance o : observances) {
      int from = (int) (o.getTimezoneOffsetFrom().getValue().getMillis() / 1000);
      int to = (int) (o.getTimezoneOffsetTo().getValue().getMillis() / 1000);
      List<LocalDateTime> expected = new java.util.ArrayList<>();
      java.time.zone.ZoneOffsetTransition t =
          zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
      while (t.getInstant().isBefore(Instant.parse("2031-01-01T00:00:00Z"))) {
        if (t.getOffsetBefore().getTotalSeconds() == from
            && t.getOffsetAfter().getTotalSeconds() == to) {
          expected.add(t.getDateTimeBefore());
        }
        t = zone.getRules().nextTransition(t.getInstant());
      }
      // The observance's local start times, read as UTC so the iterator shifts nothing.
      java.util.TimeZone utc = java.util.TimeZone.getTimeZone("UTC");
      biweekly.util.DateTimeComponents start = o.getDateStart().getValue().getRawComponents();
      java.util.Date first =
          Date.from(
              LocalDateTime.of(
                      start.getYear(),
                      start.getMonth(),
                      start.getDate(),
                      start.getHour(),
                      start.getMinute(),
                      start.getSecond())
                  .toInstant(ZoneOffset.UTC));
      var dates = o.getRecurrenceRule().getValue().getDateIterator(first, utc);
      List<LocalDateTime> recurring = new java.util.ArrayList<>();
      while (dates.hasNext()) {
        LocalDateTime d = LocalDateTime.ofInstant(dates.next().toInstant(), ZoneOffset.UTC);
        if (d.getYear() > 2030) {
          break;
        }
        if (d.getYear() >= 2026) {
          recurring.add(d);
        }
      }
      assertThat(recurring)
          .as(id + " " + o.getClass().getSimpleName())
          .isEqualTo(expected)
          .hasSize(5);
    }
  }
}
