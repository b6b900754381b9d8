package dev.meister.bot.discord;

import dev.meister.core.chat.ChatDeliveryException;
import dev.meister.core.chat.ChatLink;
import dev.meister.core.chat.CommandHandler;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord gateway through JDA: logs in with the bot token and the one intent Meister needs
 * ({@code GUILD_MESSAGES}, for replies; interactions need none, and without the privileged
 * message-content intent Discord still sends the text of messages that mention the bot, which a
 * reply to the bot does by default). Slash commands and button presses are deferred at once, well
 * inside Discord's 3 seconds, then handed to {@link DiscordInbound}.
 */
public final class DiscordGateway extends ListenerAdapter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordGateway.class);
  static final String ARGS = "args";

  private final DiscordInbound inbound;
  private final ChatLink link;
  private volatile @Nullable JDA jda;

  public DiscordGateway(DiscordInbound inbound) {
    this(inbound, new ChatLink("discord"));
  }

  /**
   * @param link follows the gateway after the first connect: JDA re-connects (and resumes) on its
   *     own, and says so by status changes
   */
  public DiscordGateway(DiscordInbound inbound, ChatLink link) {
    this.inbound = inbound;
    this.link = link;
  }

  /** The bot's own user id, once connected. */
  public Optional<String> selfId() {
    JDA j = jda;
    return j == null ? Optional.empty() : Optional.of(j.getSelfUser().getId());
  }

  @Override
  public void onStatusChange(StatusChangeEvent e) {
    switch (linkState(e.getNewStatus())) {
      case UP -> link.up();
      case DOWN -> link.down("Discord gateway " + e.getNewStatus().name().toLowerCase(Locale.ROOT));
      case CONNECTING -> {
        // logging in, loading: neither lost nor usable yet; the link keeps its state
      }
    }
  }

  /**
   * What a JDA status says of the link: {@code CONNECTED} is up; the states JDA passes through
   * after losing the gateway are down; the start-up and shutdown states say nothing new.
   */
  static ChatLink.State linkState(JDA.Status status) {
    return switch (status) {
      case CONNECTED -> ChatLink.State.UP;
      case DISCONNECTED,
          RECONNECT_QUEUED,
          WAITING_TO_RECONNECT,
          ATTEMPTING_TO_RECONNECT,
          FAILED_TO_LOGIN ->
          ChatLink.State.DOWN;
      default -> ChatLink.State.CONNECTING;
    };
  }

  /**
   * Connects, waits until ready and publishes the slash commands.
   *
   * @param commands what the pipeline serves; each becomes a slash command with an {@code args}
   *     option, plus {@code /meister <command>}
   */
  public void start(String token, List<CommandHandler> commands) {
    JDA building = null;
    try {
      building =
          JDABuilder.createLight(token, EnumSet.of(GatewayIntent.GUILD_MESSAGES))
              .disableCache(EnumSet.allOf(CacheFlag.class))
              .addEventListeners(this)
              .build();
      JDA connected = building.awaitReady();
      jda = connected;
      connected
          .updateCommands()
          .addCommands(slashCommands(commands))
          .queue(
              ok -> LOG.info("Discord: published {} slash commands", ok.size()),
              e -> LOG.warn("Discord: could not publish slash commands: {}", e.toString()));
      LOG.info("Discord: connected as {}", connected.getSelfUser().getName());
    } catch (InterruptedException e) {
      // Stopped while connecting: JDA would otherwise keep reconnecting on its own threads.
      if (building != null) {
        building.shutdownNow();
      }
      Thread.currentThread().interrupt();
      throw new ChatDeliveryException("Discord: interrupted while connecting", true, null, e);
    } catch (RuntimeException e) {
      throw new ChatDeliveryException(
          "Discord could not connect: " + e.getMessage(), true, null, e);
    }
  }

  static List<SlashCommandData> slashCommands(List<CommandHandler> commands) {
    List<SlashCommandData> data = new ArrayList<>();
    for (CommandHandler c : commands) {
      data.add(
          Commands.slash(c.name(), describe(c.summary()))
              .addOption(OptionType.STRING, ARGS, describe(c.usage()), false));
    }
    data.add(
        Commands.slash(DiscordEventTranslator.UMBRELLA, "Any Meister command, e.g. whoisoncall")
            .addOption(OptionType.STRING, ARGS, "the command and its arguments", false));
    return data;
  }

  /** Discord wants 1 to 100 characters. */
  private static String describe(String text) {
    String s = text.isBlank() ? "-" : text.strip();
    return s.length() <= 100 ? s : s.substring(0, 99) + "\u2026";
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
    e.deferReply().queue(null, DiscordGateway::deferFailed);
    OptionMapping args = e.getOption(ARGS);
    inbound.receive(
        new DiscordInput.SlashCommand(
            e.getChannelId() == null ? "" : e.getChannelId(),
            parent(e.getChannel()),
            user(e.getUser(), e.getMember() == null ? null : e.getMember().getEffectiveName()),
            e.getName(),
            args == null ? "" : args.getAsString(),
            e.getJDA().getSelfUser().getApplicationId(),
            e.getToken()));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent e) {
    e.deferEdit().queue(null, DiscordGateway::deferFailed);
    inbound.receive(
        new DiscordInput.ButtonClick(
            e.getChannelId() == null ? "" : e.getChannelId(),
            parent(e.getChannel()),
            user(e.getUser(), e.getMember() == null ? null : e.getMember().getEffectiveName()),
            e.getMessageId(),
            e.getComponentId(),
            e.getJDA().getSelfUser().getApplicationId(),
            e.getToken()));
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent e) {
    Message m = e.getMessage();
    if (e.getAuthor().isBot()) {
      return;
    }
    long self = e.getJDA().getSelfUser().getIdLong();
    Message parent = m.getMessageReference() == null ? null : m.getReferencedMessage();
    DiscordInput.User author =
        user(e.getAuthor(), e.getMember() == null ? null : e.getMember().getEffectiveName());
    if (m.getMessageReference() != null
        && parent != null
        && parent.getAuthor().getIdLong() == self) {
      inbound.receive(
          new DiscordInput.MessageReply(
              e.getChannel().getId(),
              parent(e.getChannel()),
              author,
              m.getId(),
              m.getContentRaw(),
              m.getMessageReference().getMessageId(),
              true));
      return;
    }
    boolean mentioned = m.getMentions().getUsers().stream().anyMatch(u -> u.getIdLong() == self);
    if (!mentioned && parent == null) {
      return; // Neither for the bot nor a reply that could be a typed /triage.
    }
    inbound.receive(
        new DiscordInput.ChannelMessage(
            e.getChannel().getId(),
            parent(e.getChannel()),
            author,
            m.getId(),
            m.getContentRaw(),
            mentioned,
            parent == null
                ? null
                : new DiscordInput.Quoted(
                    parent.getId(),
                    user(
                        parent.getAuthor(),
                        parent.getMember() == null ? null : parent.getMember().getEffectiveName()),
                    parent.getContentRaw())));
  }

  /** Discord then shows "the application did not respond"; the answer still follows in chat. */
  private static void deferFailed(Throwable e) {
    LOG.warn("Discord: could not acknowledge an interaction in time: {}", e.toString());
  }

  private static @Nullable String parent(@Nullable Channel channel) {
    return channel instanceof ThreadChannel thread ? thread.getParentChannel().getId() : null;
  }

  private static DiscordInput.User user(User u, @Nullable String nickname) {
    return new DiscordInput.User(
        u.getId(), u.getName(), nickname != null ? nickname : u.getEffectiveName(), u.isBot());
  }

  @Override
  public void close() {
    JDA j = jda;
    jda = null;
    if (j != null) {
      j.shutdown();
    }
    inbound.close();
  }
}
