package dev.meister.bot.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code ${ENV_VAR}} references into {@link Secret}s. Secrets written literally are rejected,
 * so a config file can be shared and committed; no message ever quotes a secret's text.
 */
final class SecretResolver {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private final Map<String, String> env;
  private final SecretPolicy policy;

  SecretResolver(Map<String, String> env, SecretPolicy policy) {
    this.env = Map.copyOf(env);
    this.policy = policy;
  }

  /**
   * The secret under {@code key}; absent when the key is absent (reported if required) or, for an
   * optional policy or disabled adapter, when its variable is unset.
   */
  Secret read(Fields fields, String key, boolean required, boolean enabled) {
    YNode node = fields.node(key, required);
    if (node == null) {
      return Secret.absent();
    }
    Problems problems = fields.problems();
    String path = fields.path(key);
    String text = node instanceof YScalar scalar ? scalar.text() : null;
    if (text == null) {
      problems.add(node, path, "must be a single value like ${ENV_VAR}, not " + node.kind());
      return Secret.absent();
    }
    Matcher m = REFERENCE.matcher(text.trim());
    if (!m.matches()) {
      problems.add(node, path, "write secrets as ${ENV_VAR}, not literally in the file");
      return Secret.absent();
    }
    String variable = m.group(1);
    String value = env.get(variable);
    if (value != null && !value.isBlank()) {
      return Secret.of(value);
    }
    if (policy == SecretPolicy.REQUIRED && enabled) {
      problems.add(node, path, "environment variable " + variable + " is not set");
    }
    return Secret.absent();
  }
}
