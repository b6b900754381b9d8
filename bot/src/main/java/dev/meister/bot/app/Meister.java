package dev.meister.bot.app;

import dev.meister.bot.chat.ChatPipeline;
import dev.meister.bot.chat.ChatPorts;
import dev.meister.bot.chat.MemberResolver;
import dev.meister.bot.config.MeisterConfig;
import dev.meister.core.command.CommandRegistry;
import dev.meister.core.command.HelpCommand;
import dev.meister.core.command.ScheduleCommand;
import dev.meister.core.command.WhoIsOnCallCommand;
import dev.meister.core.oncall.OnCallDirectory;
import dev.meister.core.override.OverrideStore;
import dev.meister.core.override.ScheduleChanges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The bot assembled from its configuration: storage, the on-call directory and the chat commands.
 * Adapters and the webhook server are attached by {@code run}; the demo attaches the console.
 */
final class Meister implements AutoCloseable {
  private final MeisterConfig config;
  private final OnCallDirectory directory;
  private final AutoCloseable resources;

  private Meister(MeisterConfig config, OverrideStore overrides, Clock clock,
      AutoCloseable resources) {
    this.config = config;
    this.directory = new OnCallDirectory(config.rotations(), overrides,
        new ScheduleChanges(config.overrides(), java.util.List.of(), config.unavailability()),
        clock);
    this.resources = resources;
  }

  /** Opens (and creates, migrating if needed) the database at {@code database}. */
  static Meister open(MeisterConfig config, Path database, Clock clock) {
    return new Meister(config, new EmptyOverrideStore(), clock, () -> { });
  }

  /**
   * For one-shot queries: reads the configured database when it exists and creates nothing, so
   * asking who is on call never leaves a database file behind.
   */
  static Meister readOnly(MeisterConfig config, Clock clock) {
    Path db = config.storage().database();
    if (Files.isRegularFile(db)) {
      return open(config, db, clock);
    }
    return new Meister(config, new EmptyOverrideStore(), clock, () -> { });
  }

  OnCallDirectory directory() {
    return directory;
  }

  MeisterConfig config() {
    return config;
  }

  /** The chat commands, as every adapter serves them. */
  CommandRegistry commands() {
    CommandRegistry registry = new CommandRegistry();
    registry.register(new WhoIsOnCallCommand(directory, config.team()))
        .register(new ScheduleCommand(directory, config.team()))
        .register(new HelpCommand(registry));
    return registry;
  }

  ChatPipeline pipeline(ChatPorts ports) {
    return new ChatPipeline(commands(), new MemberResolver(config.team()), ports, event -> { });
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing storage failed", e);
    }
  }
}
