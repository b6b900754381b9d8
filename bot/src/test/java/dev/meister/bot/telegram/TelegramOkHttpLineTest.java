package dev.meister.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

/**
 * telegrambots, Slack's SDK, JDA 5.6.1 and the Discord REST client all run on okhttp 4.12.0; JDA 6
 * brings okhttp-jvm 5.x with the same {@code okhttp3} classes under another artifact name, which
 * Maven would happily put beside it. This is the guard that keeps it out.
 */
@DisplayNameGeneration(ReplaceUnderscores.class)
class TelegramOkHttpLineTest {
  @Test
  void only_one_okhttp_jar_is_on_the_classpath() throws Exception {
    List<URL> copies =
        Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));

    assertThat(copies).hasSize(1);
    assertThat(copies.get(0).toString()).contains("okhttp-4.12.0.jar");
  }
}
