"""Relay Airflow task failures to Meister (POST /hooks/airflow).

Works on Airflow 2 and 3 with the standard library only, so it runs in any Airflow image.

Setup:
  * Airflow Variables ``meister_url`` (e.g. ``https://meister.example.com``) and
    ``meister_token`` (the bearer token Meister is configured with), or the environment
    variables ``MEISTER_URL`` / ``MEISTER_TOKEN`` on the workers.
  * Copy this file next to your DAGs (or into a package on the workers' path) and use either

        from meister_notifier import meister_on_failure
        default_args = {"on_failure_callback": meister_on_failure}

    or, on Airflow 2.6+ / 3, the notifier class:

        from meister_notifier import MeisterNotifier
        DAG(..., default_args={"on_failure_callback": MeisterNotifier()})

  * Recovery (Meister resolves an alert whose task passes on a later try of the same DAG run,
    "recovered on try 3"): add the success and retry callbacks too,

        from meister_notifier import meister_on_failure, meister_on_retry, meister_on_success
        default_args = {
            "on_failure_callback": meister_on_failure,
            "on_retry_callback": meister_on_retry,      # a failed try that Airflow will retry
            "on_success_callback": meister_on_success,  # the try that passed
        }

    Same endpoint and bearer token; the payload's ``state`` says which (``success``,
    ``up_for_retry``, ``failed``). Without ``on_retry_callback`` Meister hears of a task only when
    its last try failed, so there is nothing for a later success to resolve.
  * Optional: a ``region`` DAG param, or a DAG tag ``region:tokyo`` / ``region=tokyo``, to
    route the alert to a region's on-call.
  * Optional: a QA notebook link for the alert and its issue (seed 000: "Paste the link of QA
    notebook if QA failed"). A task provides it as an XCom with key ``notebook_url`` (pushed
    before it fails, e.g. ``ti.xcom_push(key="notebook_url", value=url)`` once papermill has
    written the notebook) or as a ``notebook_url`` task/DAG param; the XCom wins.
  * Optional: the Airflow Variable ``meister_airflow_instance`` (or ``MEISTER_AIRFLOW_INSTANCE``)
    naming this Airflow as Meister's configuration does (``airflow: {prod: ...}``), so the DAG
    run link uses the configured UI address instead of ``base_url``.

Besides the task's own try, the payload carries the DAG run's start (``dag_run_start_date``,
seed 000's "DAG start timestamp") and the Airflow version, which shapes the DAG run link
(Airflow 3: ``/dags/{dag}/runs/{run}``; Airflow 2: ``/dags/{dag}/grid?dag_run_id={run}``).

A notification that cannot be sent is logged and dropped: the callback never raises into
Airflow, and it gives up after one retry with a short timeout so a Meister outage cannot
hold a worker slot.
"""

import json
import logging
import os
import time
import urllib.error
import urllib.parse
import urllib.request

log = logging.getLogger(__name__)

HOOK_PATH = "/hooks/airflow"
TIMEOUT_SECONDS = 5
RETRY_DELAY_SECONDS = 2
EXCEPTION_LIMIT = 4000
NOTEBOOK_KEY = "notebook_url"


def _variable(key):
    """An Airflow Variable, or None (also when Airflow or the metadata DB is unreachable)."""
    try:
        from airflow.sdk import Variable  # Airflow 3

        return Variable.get(key, default=None)
    except Exception:  # noqa: BLE001 - ImportError on Airflow 2, or a lookup failure
        pass
    try:
        from airflow.models import Variable  # Airflow 2

        return Variable.get(key, default_var=None)
    except Exception:  # noqa: BLE001
        return None


def _setting(variable, env):
    return _variable(variable) or os.environ.get(env) or None


def _iso(value):
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _airflow_url():
    try:
        from airflow.configuration import conf

        for section in ("api", "webserver"):  # Airflow 3, then Airflow 2
            url = conf.get(section, "base_url", fallback=None)
            if url:
                return url
    except Exception:  # noqa: BLE001
        pass
    return None


def _airflow_version():
    try:
        from airflow import __version__

        return str(__version__)
    except Exception:  # noqa: BLE001 - not running inside Airflow
        return None


def _notebook_url(ti, params):
    """The task's QA notebook: its ``notebook_url`` XCom, else its ``notebook_url`` param."""
    try:
        map_index = getattr(ti, "map_index", -1)
        kwargs = {"map_indexes": map_index} if isinstance(map_index, int) and map_index >= 0 else {}
        url = ti.xcom_pull(task_ids=ti.task_id, key=NOTEBOOK_KEY, **kwargs)
        if isinstance(url, (list, tuple)):
            url = next((u for u in url if u), None)
        if url:
            return str(url)
    except Exception:  # noqa: BLE001 - no XCom backend reachable, or no task instance
        pass
    url = params.get(NOTEBOOK_KEY) if hasattr(params, "get") else None
    return str(url) if url else None


def _exception_text(exception):
    if exception is None:
        return None
    if isinstance(exception, BaseException):
        text = "%s: %s" % (type(exception).__name__, exception)
    else:
        text = str(exception)
    return text[:EXCEPTION_LIMIT]


def build_payload(context, state=None):
    """The JSON Meister expects (docs/webhooks.md) from an Airflow callback context.

    ``state`` overrides the task instance's (a success callback may run before the state is
    written)."""
    ti = context.get("task_instance") or context.get("ti")
    dag_run = context.get("dag_run")
    dag = context.get("dag") or getattr(ti, "task", None) and getattr(ti.task, "dag", None)
    params = context.get("params") or {}

    logical_date = (
        context.get("logical_date")
        or context.get("execution_date")  # Airflow 2 only
        or getattr(dag_run, "logical_date", None)
        or getattr(dag_run, "execution_date", None)
    )
    try_number = getattr(ti, "try_number", None)
    if try_number is None:
        try_number = context.get("try_number")
    tags = getattr(dag, "tags", None) or []
    if state is None:
        state = getattr(ti, "state", None)

    payload = {
        "dag_id": getattr(ti, "dag_id", None) or getattr(dag, "dag_id", None),
        "run_id": context.get("run_id") or getattr(dag_run, "run_id", None),
        "task_id": getattr(ti, "task_id", None),
        "map_index": getattr(ti, "map_index", -1),
        "try_number": try_number,
        "state": str(getattr(state, "value", state) or "failed"),
        "logical_date": _iso(logical_date),
        "start_date": _iso(getattr(ti, "start_date", None)),
        "dag_run_start_date": _iso(getattr(dag_run, "start_date", None)),
        "end_date": _iso(getattr(ti, "end_date", None)),
        "log_url": getattr(ti, "log_url", None),
        "exception": _exception_text(context.get("exception")),
        "tags": sorted(str(t) for t in tags),
        "region": params.get("region") if hasattr(params, "get") else None,
        "airflow_url": _airflow_url(),
        "airflow_version": _airflow_version(),
        "airflow_instance": _setting("meister_airflow_instance", "MEISTER_AIRFLOW_INSTANCE"),
        "notebook_url": _notebook_url(ti, params),
    }
    return {k: v for k, v in payload.items() if v is not None}


def _endpoint(url):
    url = url.rstrip("/")
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise ValueError("meister_url must be an http(s) URL")
    return url if url.endswith(HOOK_PATH) else url + HOOK_PATH


def _post(url, token, payload):
    request = urllib.request.Request(
        _endpoint(url),
        data=json.dumps(payload).encode("utf-8"),
        headers={"Content-Type": "application/json", "Authorization": "Bearer " + token},
        method="POST",
    )
    for attempt in (1, 2):
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
                return response.status
        except urllib.error.HTTPError as e:
            # 4xx means the request itself is wrong (token, field): retrying cannot help.
            if e.code < 500 or attempt == 2:
                log.warning("Meister answered %s: %s", e.code, e.read(500).decode("utf-8", "replace"))
                return e.code
        except (urllib.error.URLError, OSError) as e:
            if attempt == 2:
                log.warning("Meister unreachable: %s", e)
                return None
        time.sleep(RETRY_DELAY_SECONDS)
    return None


def _notify(context, url=None, token=None, state=None):
    try:
        url = url or _setting("meister_url", "MEISTER_URL")
        token = token or _setting("meister_token", "MEISTER_TOKEN")
        if not url or not token:
            log.warning("Meister not notified: set meister_url and meister_token")
            return None
        return _post(url, token, build_payload(context, state))
    except Exception:  # noqa: BLE001 - a notification must never fail the task's callback
        log.warning("Meister notification failed", exc_info=True)
        return None


def meister_on_failure(context):
    """``on_failure_callback`` for a task or DAG's default_args."""
    _notify(context)


def meister_on_retry(context):
    """``on_retry_callback``: a failed try Airflow will retry; Meister alerts on it."""
    _notify(context, state="up_for_retry")


def meister_on_success(context):
    """``on_success_callback``: the try passed; Meister resolves the run's earlier failures."""
    _notify(context, state="success")


BaseNotifier = None
for _module in ("airflow.sdk", "airflow.sdk.bases.notifier", "airflow.notifications.basenotifier"):
    try:
        BaseNotifier = getattr(__import__(_module, fromlist=["BaseNotifier"]), "BaseNotifier")
        break
    except Exception:  # noqa: BLE001 - not this Airflow version, or no Airflow at all
        continue

if BaseNotifier is not None:

    class MeisterNotifier(BaseNotifier):
        """Notifier form of :func:`meister_on_failure`; url/token default to the Variables."""

        template_fields = ()

        def __init__(self, url=None, token=None):
            super().__init__()
            self.url = url
            self.token = token

        def notify(self, context):
            _notify(context, self.url, self.token)
