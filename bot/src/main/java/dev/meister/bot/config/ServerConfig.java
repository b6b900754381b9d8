package dev.meister.bot.config;

/**
 * The webhook server: where it listens and the secrets that authenticate each source. An endpoint
 * whose secret is absent is not served.
 *
 * @param githubSecret the webhook secret configured on GitHub, for {@code X-Hub-Signature-256}
 * @param airflowToken the bearer token the Airflow notifier sends
 * @param githubWorkflowJobs also alert on each failed {@code workflow_job}, for hooks that
 *     subscribe to {@code workflow_job} alone (with {@code workflow_run} too, one failure would
 *     alert twice)
 * @param metricsToken the bearer token {@code GET /metrics} asks of Prometheus; absent: not served
 */
public record ServerConfig(
    String bind,
    int port,
    Secret githubSecret,
    Secret airflowToken,
    boolean githubWorkflowJobs,
    Secret metricsToken) {
  /** Without {@code /metrics}. */
  public ServerConfig(
      String bind, int port, Secret githubSecret, Secret airflowToken, boolean githubWorkflowJobs) {
    this(bind, port, githubSecret, airflowToken, githubWorkflowJobs, Secret.absent());
  }

  /** This server with {@code /metrics} behind {@code token}. */
  public ServerConfig withMetricsToken(Secret token) {
    return new ServerConfig(bind, port, githubSecret, airflowToken, githubWorkflowJobs, token);
  }

  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, Secret.absent(), Secret.absent(), false);
  }
}
