package dev.meister.bot.webhook.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator.ReplaceUnderscores;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(ReplaceUnderscores.class)
class GitHubSignatureTest {
  // GitHub's own test vector ("Validating webhook deliveries").
  private static final byte[] SECRET =
      "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
  private static final String EXPECTED =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  private final GitHubSignature signature = new GitHubSignature(SECRET);

  @Test
  void signs_githubs_test_vector() {
    assertThat(signature.sign(BODY)).isEqualTo(EXPECTED);
  }

  @Test
  void accepts_githubs_test_vector() {
    assertThat(signature.matches(EXPECTED, BODY)).isTrue();
  }

  @Test
  void rejects_the_vector_signature_for_another_body() {
    byte[] other = "Hello, World?".getBytes(StandardCharsets.UTF_8);

    assertThat(signature.matches(EXPECTED, other)).isFalse();
  }

  @Test
  void rejects_a_signature_without_the_sha256_prefix() {
    String bare = EXPECTED.substring("sha256=".length());

    assertThat(signature.matches(bare, BODY)).isFalse();
  }

  @Test
  void rejects_a_signature_made_with_another_secret() {
    GitHubSignature other = new GitHubSignature("not the secret".getBytes(StandardCharsets.UTF_8));

    assertThat(other.matches(EXPECTED, BODY)).isFalse();
  }

  @Test
  void refuses_an_empty_secret() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new GitHubSignature(new byte[0]))
        .withMessage("GitHub webhook secret may not be empty");
  }
}
