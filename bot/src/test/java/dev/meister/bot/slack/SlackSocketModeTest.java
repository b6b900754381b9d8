package dev.meister.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meister.core.chat.ChatEvent;
import dev.meister.core.chat.ChatLink;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode end to end on loopback: {@code apps.connections.open} on the fake Web API hands out a
 * WebSocket URL, a fake Socket Mode server says hello and sends a slash-command envelope, and the
 * receiver must acknowledge the envelope and hand the command on.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class SlackSocketModeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "xoxb-socket";

  private final FakeSlackApi slack = new FakeSlackApi(TOKEN);
  private final SlackApi api = new SlackApi(TOKEN, slack.url());
  private final FakeSocketMode socket = new FakeSocketMode();
  private final List<ChatEvent> received = new ArrayList<>();
  private final CountDownLatch handled = new CountDownLatch(1);
  private final SlackReceiver receiver =
      new SlackReceiver(
          api,
          TOKEN,
          null,
          Set.of("C0ALERTS"),
          e -> {
            synchronized (received) {
              received.add(e);
            }
            handled.countDown();
          });

  SlackSocketModeTest() throws Exception {}

  @AfterEach
  void stop() throws Exception {
    receiver.close();
    socket.stop(1000);
    api.close();
    slack.close();
  }

  @Test
  void a_slash_command_over_the_socket_is_acknowledged_by_envelope_and_handed_on()
      throws Exception {
    socket.start();
    assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
    slack.socketModeAt("ws://127.0.0.1:" + socket.getPort() + "/link");

    receiver.startSocketMode("xapp-1-A0APP-socket");
    assertThat(socket.connected.await(10, TimeUnit.SECONDS)).as("connected").isTrue();
    socket.broadcast(
        JSON.writeValueAsString(
            Map.of(
                "envelope_id",
                "env-1",
                "type",
                "slash_commands",
                "accepts_response_payload",
                true,
                "payload",
                Map.ofEntries(
                    Map.entry("token", "t"),
                    Map.entry("team_id", FakeSlackApi.TEAM),
                    Map.entry("team_domain", "acme"),
                    Map.entry("channel_id", "C0ALERTS"),
                    Map.entry("channel_name", "alerts"),
                    Map.entry("user_id", "U0BOB"),
                    Map.entry("user_name", "bob"),
                    Map.entry("command", "/whoisoncall"),
                    Map.entry("text", "hausmeister"),
                    Map.entry("api_app_id", "A0APP"),
                    Map.entry("response_url", "https://hooks.slack.com/commands/1"),
                    Map.entry("trigger_id", "1.2.3")))));

    assertThat(handled.await(10, TimeUnit.SECONDS)).as("handled").isTrue();
    assertThat(socket.ack.await(10, TimeUnit.SECONDS)).as("acknowledged").isTrue();
    assertThat(slack.calls("apps.connections.open")).isNotEmpty();
    assertThat(socket.acks.get(0).path("envelope_id").asText()).isEqualTo("env-1");
    ChatEvent.Command c;
    synchronized (received) {
      c = (ChatEvent.Command) received.get(0);
    }
    assertThat(c.name()).isEqualTo("whoisoncall");
    assertThat(c.args()).containsExactly("hausmeister");
  }

  @Test
  void the_link_goes_down_when_the_socket_drops_and_up_again_at_the_next_hello() throws Exception {
    socket.start();
    assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
    slack.socketModeAt("ws://127.0.0.1:" + socket.getPort() + "/link");
    ChatLink link = new ChatLink("slack");
    AtomicInteger ups = new AtomicInteger();
    link.whenUp(ups::incrementAndGet);

    receiver.startSocketMode("xapp-1-A0APP-socket", link);
    await().atMost(Duration.ofSeconds(10)).until(ups::get, n -> n == 1);

    // The socket drops without Slack's "disconnect" notice; Bolt re-connects on its own.
    socket.getConnections().forEach(c -> c.close(1011, "server went away"));

    // up() runs its listeners only on a change to UP, so a second one means it was down between.
    await().atMost(Duration.ofSeconds(20)).until(ups::get, n -> n == 2);
    assertThat(socket.opens.get()).isGreaterThanOrEqualTo(2);
    assertThat(link.isUp()).isTrue();
  }

  /** Slack's side of Socket Mode: hello on connect, records the envelope acknowledgements. */
  static final class FakeSocketMode extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch connected = new CountDownLatch(1);
    final AtomicInteger opens = new AtomicInteger();
    final CountDownLatch ack = new CountDownLatch(1);
    final List<JsonNode> acks = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeSocketMode() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      conn.send(
          "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\","
              + "\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"A0APP\"}}");
      opens.incrementAndGet();
      connected.countDown();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      try {
        JsonNode node = JSON.readTree(message);
        if (node.has("envelope_id")) {
          acks.add(node);
          ack.countDown();
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}
