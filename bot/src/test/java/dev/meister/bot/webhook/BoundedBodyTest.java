package dev.meister.bot.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 'x');
    return b;
  }

  @Test
  void aBodyOfItsDeclaredLengthIsReadWhole() throws IOException {
    byte[] body = bytes(21_000);
    assertThat(BoundedBody.read(new ByteArrayInputStream(body), 1 << 20, body.length))
        .isEqualTo(body);
  }

  @Test
  void aStreamLongerThanDeclaredIsReadToItsEnd() throws IOException {
    byte[] body = bytes(30_000);
    assertThat(BoundedBody.read(new ByteArrayInputStream(body), 1 << 20, 100)).isEqualTo(body);
  }

  @Test
  void aStreamShorterThanDeclaredGivesWhatCame() throws IOException {
    byte[] body = bytes(10);
    assertThat(BoundedBody.read(new ByteArrayInputStream(body), 1 << 20, 100)).isEqualTo(body);
  }

  @Test
  void withoutADeclaredLengthTheBodyIsReadInChunks() throws IOException {
    byte[] body = bytes(70_000);
    assertThat(BoundedBody.read(new ByteArrayInputStream(body), 1 << 20, -1)).isEqualTo(body);
  }

  @Test
  void aBodyOverTheLimitIs413WhateverItDeclares() {
    byte[] body = bytes(2_000);
    for (long declared : new long[] {-1, 100, 2_000, 5_000}) {
      assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(body), 1_000, declared))
          .isInstanceOfSatisfying(
              WebhookRejection.class,
              r -> {
                assertThat(r.status()).isEqualTo(413);
                assertThat(r.getMessage()).contains("1000 bytes");
              });
    }
  }

  @Test
  void aBodyOfExactlyTheLimitIsAccepted() throws IOException {
    byte[] body = bytes(1_000);
    assertThat(BoundedBody.read(new ByteArrayInputStream(body), 1_000, 1_000)).isEqualTo(body);
  }
}
