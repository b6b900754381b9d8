package dev.meister.bot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.calendar.CalendarAccess;
import dev.meister.core.calendar.CalendarCommand;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.CommandReply;
import dev.meister.core.chat.CommandRequest;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.Sender;
import dev.meister.core.chat.Span;
import dev.meister.core.schedule.OnCallDirectory;
import dev.meister.core.schedule.ScheduleChanges;
import dev.meister.core.team.MemberId;
import dev.meister.storage.Storage;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feeds over HTTP on loopback: a member's token opens them, any other answers 404. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CalendarRoutesTest {
  private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;
  private Storage storage;
  private Javalin app;
  private CalendarAccess access;
  private MeisterConfig config;
  private OnCallDirectory directory;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    config =
        new ConfigLoader(Map.of())
            .load(Path.of("..", "examples", "meister.yml"), SecretPolicy.OPTIONAL);
    storage = Storage.open(dir.resolve("meister.db"), CLOCK);
    directory =
        new OnCallDirectory(
            config.rotations(),
            storage.overrides(),
            new ScheduleChanges(config.overrides(), List.of(), config.unavailability()),
            CLOCK);
    access = new CalendarAccess(storage.calendarTokens(), config.team(), CLOCK);
    app = Javalin.create(c -> c.showJavalinBanner = false);
    new CalendarRoutes(access, directory, config.team(), CLOCK).register(app);
    app.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
    storage.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_members_token_opens_their_own_feed_and_every_rotations() throws Exception {
    String token = access.tokenFor(MemberId.of("bob"));

    HttpResponse<String> mine = get("/cal/" + token + "/me.ics");
    HttpResponse<String> haus = get("/cal/" + token + "/rotation/hausmeister.ics");

    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.headers().firstValue("Content-Type")).contains(IcsFeed.MEDIA_TYPE);
    ICalendar me = Biweekly.parse(mine.body()).first();
    assertThat(me.getEvents()).isNotEmpty();
    assertThat(me.getEvents())
        .allSatisfy(e -> assertThat(e.getSummary().getValue()).endsWith(": Bob Stone"));
    assertThat(haus.statusCode()).isEqualTo(200);
    ICalendar rotation = Biweekly.parse(haus.body()).first();
    assertThat(rotation.getEvents())
        .extracting(e -> e.getCategories().get(0).getValues().get(1))
        .contains("primary", "Level 2", "weekend");
  }

  @Test
  void an_unknown_token_a_reset_token_and_an_unknown_rotation_answer_404() throws Exception {
    String old = access.tokenFor(MemberId.of("bob"));
    String fresh = access.reset(MemberId.of("bob"));

    assertThat(get("/cal/" + old + "/me.ics").statusCode()).isEqualTo(404);
    assertThat(get("/cal/" + old + "/me.ics").body()).doesNotContain("VCALENDAR");
    assertThat(get("/cal/guess/rotation/hausmeister.ics").statusCode()).isEqualTo(404);
    assertThat(get("/cal/" + fresh + "/rotation/nope.ics").statusCode()).isEqualTo(404);
    assertThat(get("/cal/" + fresh + "/rotation/hausmeister").statusCode()).isEqualTo(404);
    assertThat(get("/cal/" + fresh + "/me.ics").statusCode()).isEqualTo(200);
  }

  private List<String> calendarLinks(String... args) {
    CalendarCommand command =
        new CalendarCommand(
            access, directory, java.util.Optional.of("http://127.0.0.1:" + app.port() + "/"));
    ChatRef chat = ChatRef.of(Platform.CONSOLE, "console");
    CommandReply reply =
        command.handle(
            new CommandRequest(
                new ChatEvent.Command(
                    chat,
                    new Sender(Platform.CONSOLE, "bob", "bob", "Bob Stone"),
                    new MessageRef(chat, "1"),
                    "calendar",
                    List.of(args),
                    null),
                config.team().get(MemberId.of("bob"))));
    return reply.message().text().spans().stream()
        .filter(span -> span instanceof Span.Link)
        .map(span -> ((Span.Link) span).url())
        .toList();
  }

  @Test
  void the_calendar_commands_links_open_the_feeds_and_reset_replaces_them() throws Exception {
    List<String> links = calendarLinks();
    List<String> again = calendarLinks();

    assertThat(links).hasSize(1 + config.rotations().size());
    assertThat(again).as("the same URLs each time").isEqualTo(links);
    for (String link : links) {
      String path = URI.create(link).getPath();
      assertThat(get(path).statusCode()).as(path).isEqualTo(200);
    }

    List<String> fresh = calendarLinks("reset");

    assertThat(fresh).doesNotContainAnyElementsOf(links);
    assertThat(get(URI.create(links.get(0)).getPath()).statusCode()).isEqualTo(404);
    assertThat(get(URI.create(fresh.get(0)).getPath()).statusCode()).isEqualTo(200);
  }
}
