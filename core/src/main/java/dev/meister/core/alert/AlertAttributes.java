package dev.meister.core.alert;

/** Names of the facts a {@link RunEvent} and an {@link Alert} carry. */
public final class AlertAttributes {
  private AlertAttributes() {}

  // GitHub Actions
  /** {@code owner/name}. */
  public static final String REPO = "repo";
  public static final String BRANCH = "branch";
  /** The triggering event: push, pull_request, schedule, workflow_dispatch, ... */
  public static final String EVENT = "event";
  public static final String WORKFLOW_NAME = "workflow_name";
  /** e.g. {@code .github/workflows/fast_tests.yml}. */
  public static final String WORKFLOW_PATH = "workflow_path";
  public static final String RUN_ID = "run_id";
  public static final String RUN_NUMBER = "run_number";
  public static final String RUN_ATTEMPT = "run_attempt";
  public static final String RUN_URL = "run_url";
  public static final String HEAD_SHA = "head_sha";
  /** Login of the person whose action started the run. */
  public static final String ACTOR = "actor";
  /** Name of the head commit's author, the likely person to ask. */
  public static final String COMMIT_AUTHOR = "commit_author";
  public static final String COMMIT_MESSAGE = "commit_message";
  /** failure, timed_out, startup_failure, success, ... */
  public static final String CONCLUSION = "conclusion";
  public static final String JOB_NAME = "job_name";

  /** When the pipeline says the failure happened (ISO instant); the alert's time is its receipt. */
  public static final String OCCURRED_AT = "occurred_at";

  // Airflow
  public static final String DAG_ID = "dag_id";
  public static final String DAG_RUN_ID = "dag_run_id";
  public static final String TASK_ID = "task_id";
  public static final String TRY_NUMBER = "try_number";
  public static final String LOGICAL_DATE = "logical_date";
  public static final String START_DATE = "start_date";
  public static final String LOG_URL = "log_url";
  /** The exception text as Airflow reported it; may span lines. */
  public static final String EXCEPTION = "exception";
  /** Comma-separated DAG tags. */
  public static final String TAGS = "tags";
  public static final String REGION = "region";
  public static final String AIRFLOW_URL = "airflow_url";
  /** The name of the route the alert matched, for settings made per route (e.g. issue labels). */
  public static final String ROUTE = "route";
}
