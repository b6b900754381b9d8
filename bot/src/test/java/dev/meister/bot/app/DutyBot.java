package dev.meister.bot.app;

import dev.meister.bot.config.ConfigLoader;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.bot.config.SecretPolicy;
import dev.meister.core.action.RunActions;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatRef;
import dev.meister.core.chat.MessageRef;
import dev.meister.core.chat.Platform;
import dev.meister.core.chat.Sender;
import dev.meister.core.team.Member;
import dev.meister.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The bot with its timed duties over a real SQLite file and a recording chat, driven by a clock the
 * test moves: {@link #advance} moves time and runs whatever fell due, as Quartz would.
 */
final class DutyBot implements AutoCloseable {
  static final String CHAT = "-100111";

  private final Path dir;
  private final Map<String, String> env;
  final MutableClock clock;
  final TranscriptChatPort chat = new TranscriptChatPort(Platform.TELEGRAM);

  /** A second platform, for routes that mirror alerts to Slack. */
  final TranscriptChatPort slack = new TranscriptChatPort(Platform.SLACK);

  private final AtomicLong inbound = new AtomicLong();
  private final @Nullable RunActions actions;
  private Meister meister;
  private BotRuntime runtime;

  DutyBot(Path dir, String yaml, Instant start, Map<String, String> env) throws Exception {
    this(dir, yaml, start, env, null);
  }

  /**
   * @param actions what performs runbook actions (a fake); null for the bot's own, which refuses
   *     them until the Airflow and GitHub action clients are wired in
   */
  DutyBot(
      Path dir, String yaml, Instant start, Map<String, String> env, @Nullable RunActions actions)
      throws Exception {
    this.dir = dir;
    this.env = env;
    this.actions = actions;
    this.clock = new MutableClock(start);
    Files.writeString(dir.resolve("meister.yml"), yaml);
    open();
  }

  private void open() throws Exception {
    MeisterConfig cfg =
        new ConfigLoader(env).load(dir.resolve("meister.yml"), SecretPolicy.OPTIONAL, w -> {});
    meister = Meister.open(cfg, dir.resolve("meister.db"), clock);
    // GitHub retries within a call would sleep for real: these scenarios move time themselves.
    runtime = new BotRuntime(meister, List.of(chat, slack), clock, wait -> {}, actions);
  }

  /** Closes the database and everything on it, then opens the same file again: a restart. */
  void restart() throws Exception {
    close();
    open();
  }

  /** Runs what is due now and delivers what it queued. */
  void tick() {
    runtime.duties().timekeeper().tick();
    runtime.actions().processDue();
    runtime.worker().deliverDue();
  }

  /** Moves time in steps of at most {@code step}, ticking after each, as the scheduler would. */
  void advance(Duration by, Duration step) {
    Instant end = clock.instant().plus(by);
    while (clock.instant().isBefore(end)) {
      Duration left = Duration.between(clock.instant(), end);
      clock.advance(left.compareTo(step) < 0 ? left : step);
      tick();
    }
  }

  void advanceTo(Instant t, Duration step) {
    advance(Duration.between(clock.instant(), t), step);
  }

  /** {@code member} types {@code text} (e.g. {@code /handoff accept}) in the team chat. */
  void say(String member, String text) {
    String[] words = text.trim().split("\\s+");
    List<String> args = Arrays.asList(words).subList(1, words.length);
    runtime
        .dispatcher()
        .handle(
            new ChatEvent.Command(
                chatRef(), sender(member), nextMessage(), words[0].substring(1), args, null));
    runtime.worker().deliverDue();
  }

  /** {@code member} answers {@code to} with {@code text} (e.g. {@code /escalate stuck}). */
  void reply(String member, TranscriptChatPort.Sent to, String text) {
    String[] words = text.trim().split("\\s+");
    List<String> args = Arrays.asList(words).subList(1, words.length);
    runtime
        .dispatcher()
        .handle(
            new ChatEvent.Command(
                to.chat(),
                sender(member, to.chat().platform()),
                new MessageRef(to.chat(), "in" + inbound.incrementAndGet()),
                words[0].substring(1),
                args,
                to.ref()));
    runtime.worker().deliverDue();
  }

  /** Someone who is not on the team types {@code text}. */
  void sayAsStranger(String text) {
    String[] words = text.trim().split("\\s+");
    runtime
        .dispatcher()
        .handle(
            new ChatEvent.Command(
                chatRef(),
                new Sender(Platform.TELEGRAM, "999999", "mallory", "Mallory"),
                nextMessage(),
                words[0].substring(1),
                Arrays.asList(words).subList(1, words.length),
                null));
    runtime.worker().deliverDue();
  }

  /** {@code member} presses {@code button} on {@code message}. */
  void press(String member, TranscriptChatPort.Sent message, String label) {
    var button =
        message.buttons().stream()
            .filter(b -> b.label().equals(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no button " + label + " on " + message.text()));
    runtime
        .dispatcher()
        .handle(
            new ChatEvent.ButtonPress(
                message.chat(),
                sender(member, message.chat().platform()),
                message.ref(),
                button.action().encode(),
                "cb" + inbound.incrementAndGet()));
    runtime.worker().deliverDue();
  }

  Meister meister() {
    return meister;
  }

  BotRuntime runtime() {
    return runtime;
  }

  static ChatRef chatRef() {
    return ChatRef.of(Platform.TELEGRAM, CHAT);
  }

  private MessageRef nextMessage() {
    return new MessageRef(chatRef(), "in" + inbound.incrementAndGet());
  }

  private Sender sender(String member) {
    return sender(member, Platform.TELEGRAM);
  }

  private Sender sender(String member, Platform platform) {
    Member m =
        meister.config().team().find(dev.meister.core.team.MemberId.of(member)).orElseThrow();
    if (platform == Platform.SLACK) {
      return new Sender(
          Platform.SLACK, String.valueOf(m.chat().slackUserId()), member, m.displayName());
    }
    return new Sender(
        Platform.TELEGRAM,
        String.valueOf(m.chat().telegramUserId()),
        m.chat().telegramUsername(),
        m.displayName());
  }

  @Override
  public void close() {
    runtime.close();
    meister.close();
  }
}
