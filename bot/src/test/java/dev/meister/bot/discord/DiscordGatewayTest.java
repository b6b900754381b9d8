package dev.meister.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meister.core.chat.ChatEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.interactions.command.SlashCommandInteractionImpl;
import net.dv8tion.jda.internal.utils.config.AuthorizationConfig;
import net.dv8tion.jda.internal.utils.config.MetaConfig;
import net.dv8tion.jda.internal.utils.config.SessionConfig;
import net.dv8tion.jda.internal.utils.config.ThreadingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/**
 * The JDA listener on JDA's own event object for a slash command, built from Discord's interaction
 * JSON by JDA's internals with REST pointed at the fake API (no gateway, no cache): the deferral
 * reaches Discord and the fields reach the pipeline. Button and message events cannot be built this
 * way (JDA asks the gateway client for its intents while reading the message), so their listener
 * methods are not covered here.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class DiscordGatewayTest {
  private static final String TOKEN = "discord-gateway-token";
  private static final String CHANNEL = "300000000000000001";

  private final FakeDiscordApi discord = new FakeDiscordApi(TOKEN);
  private final ThreadingConfig threads = threads();
  private final JDAImpl jda =
      new JDAImpl(
          new AuthorizationConfig(TOKEN),
          SessionConfig.getDefault(),
          threads,
          MetaConfig.getDefault(),
          new RestConfig().setBaseUrl(discord.url()));

  private static ThreadingConfig threads() {
    ThreadingConfig t = ThreadingConfig.getDefault();
    t.init(() -> "DiscordGatewayTest");
    return t;
  }

  private final List<ChatEvent> received = new ArrayList<>();
  private final DiscordInbound inbound =
      new DiscordInbound(
          Set.of(CHANNEL),
          e -> {
            synchronized (received) {
              received.add(e);
            }
          });
  private final DiscordGateway gateway = new DiscordGateway(inbound);

  DiscordGatewayTest() throws java.io.IOException {
    jda.initRequester();
    jda.setSelfUser(
        jda.getEntityBuilder()
            .createSelfUser(
                DataObject.fromJson(
                    """
        {"id": "%s", "username": "Meister", "discriminator": "0", "bot": true,
         "avatar": null, "verified": true, "mfa_enabled": false, "flags": 0}
        """
                        .formatted(FakeDiscordApi.BOT_ID))));
  }

  @AfterEach
  void stop() {
    gateway.close();
    jda.shutdownRequester();
    threads.shutdownNow();
    discord.close();
  }

  private static String member() {
    return """
        "member": {"user": {"id": "100000000000000002", "username": "bob",
          "discriminator": "0", "global_name": "Bob", "avatar": null},
          "nick": "Bob S", "roles": [], "joined_at": "2026-01-01T00:00:00.000000+00:00",
          "deaf": false, "mute": false, "flags": 0, "permissions": "2048"}""";
  }

  private static String guild() {
    return """
        "guild_id": "400000000000000001", "guild_locale": "en-US", "locale": "en-US",
        "guild": {"id": "400000000000000001", "locale": "en-US", "features": []},
        "channel_id": "%s",
        "channel": {"id": "%s", "type": 0, "guild_id": "400000000000000001", "name": "alerts",
          "position": 0, "permission_overwrites": [], "nsfw": false, "parent_id": null,
          "permissions": "2048"},
        "app_permissions": "2048", "entitlements": [], "authorizing_integration_owners": {"0": "400000000000000001"},
        "context": 0"""
        .formatted(CHANNEL, CHANNEL);
  }

  private ChatEvent awaitEvent() {
    return await("an event within 10 s")
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              synchronized (received) {
                return received.isEmpty() ? null : received.get(0);
              }
            },
            Objects::nonNull);
  }

  @Test
  void a_slash_command_is_deferred_and_handed_on_with_its_args() throws Exception {
    DataObject data =
        DataObject.fromJson(
            """
        {"id": "500000000000000001", "application_id": "800000000000000001", "type": 2,
         "token": "tok-1", "version": 1, %s, %s,
         "data": {"id": "600000000000000001", "name": "whoisoncall", "type": 1,
           "options": [{"name": "args", "type": 3, "value": "buildmeister"}]}}
        """
                .formatted(guild(), member()));

    gateway.onSlashCommandInteraction(
        new SlashCommandInteractionEvent(jda, 1, new SlashCommandInteractionImpl(jda, data)));

    ChatEvent.Command c = (ChatEvent.Command) awaitEvent();
    assertThat(c.name()).isEqualTo("whoisoncall");
    assertThat(c.args()).containsExactly("buildmeister");
    assertThat(c.chat().chatId()).isEqualTo(CHANNEL);
    assertThat(c.sender().userId()).isEqualTo("100000000000000002");
    assertThat(c.sender().displayName()).isEqualTo("Bob S");
    assertThat(c.message().messageId()).startsWith("interaction:").endsWith(":tok-1");
    awaitCall("interactions/500000000000000001/tok-1/callback");
  }

  private void awaitCall(String path) {
    await(path + " within 10 s")
        .atMost(Duration.ofSeconds(10))
        .until(() -> discord.calls().stream().anyMatch(c -> c.path().equals(path)));
  }

  @Test
  void the_link_follows_jdas_own_reconnects_down_when_the_gateway_is_lost_up_when_connected() {
    assertThat(DiscordGateway.linkState(net.dv8tion.jda.api.JDA.Status.CONNECTED))
        .isEqualTo(dev.meister.core.chat.ChatLink.State.UP);
    for (net.dv8tion.jda.api.JDA.Status lost :
        java.util.List.of(
            net.dv8tion.jda.api.JDA.Status.DISCONNECTED,
            net.dv8tion.jda.api.JDA.Status.RECONNECT_QUEUED,
            net.dv8tion.jda.api.JDA.Status.WAITING_TO_RECONNECT,
            net.dv8tion.jda.api.JDA.Status.ATTEMPTING_TO_RECONNECT,
            net.dv8tion.jda.api.JDA.Status.FAILED_TO_LOGIN)) {
      assertThat(DiscordGateway.linkState(lost))
          .as("%s", lost)
          .isEqualTo(dev.meister.core.chat.ChatLink.State.DOWN);
    }
    // Logging in and shutting down say nothing new about the link.
    assertThat(DiscordGateway.linkState(net.dv8tion.jda.api.JDA.Status.LOGGING_IN))
        .isEqualTo(dev.meister.core.chat.ChatLink.State.CONNECTING);
    assertThat(DiscordGateway.linkState(net.dv8tion.jda.api.JDA.Status.SHUTTING_DOWN))
        .isEqualTo(dev.meister.core.chat.ChatLink.State.CONNECTING);
  }

  @Test
  void a_status_change_event_moves_the_link() {
    dev.meister.core.chat.ChatLink link = new dev.meister.core.chat.ChatLink("discord");
    DiscordGateway watching = new DiscordGateway(new DiscordInbound(Set.of("1"), e -> {}), link);
    watching.onStatusChange(
        new net.dv8tion.jda.api.events.StatusChangeEvent(
            jda,
            net.dv8tion.jda.api.JDA.Status.CONNECTED,
            net.dv8tion.jda.api.JDA.Status.LOADING_SUBSYSTEMS));
    assertThat(link.isUp()).isTrue();
    watching.onStatusChange(
        new net.dv8tion.jda.api.events.StatusChangeEvent(
            jda,
            net.dv8tion.jda.api.JDA.Status.WAITING_TO_RECONNECT,
            net.dv8tion.jda.api.JDA.Status.DISCONNECTED));
    assertThat(link.problem()).contains("discord: Discord gateway waiting_to_reconnect");
    watching.onStatusChange(
        new net.dv8tion.jda.api.events.StatusChangeEvent(
            jda,
            net.dv8tion.jda.api.JDA.Status.CONNECTED,
            net.dv8tion.jda.api.JDA.Status.LOADING_SUBSYSTEMS));
    assertThat(link.isUp()).isTrue();
  }
}
