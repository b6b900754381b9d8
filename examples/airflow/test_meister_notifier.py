"""Tests of meister_notifier.build_payload against fake callback contexts (standard library only).

Run: ``python3 -m unittest discover -s examples/airflow``; ``mvn verify`` does, in
``NotifierScriptTest``. The payload of
``seed_context()`` is committed as ``sample_payload.json``, which Meister's Java webhook test
(``AirflowWebhookTest``) posts, so the notifier and the webhook parser cannot drift apart.
Regenerate it with ``MEISTER_WRITE_SAMPLE=1`` after a deliberate change."""

import datetime
import json
import os
import pathlib
import sys
import types
import unittest
from unittest import mock

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import meister_notifier  # noqa: E402

SAMPLE = pathlib.Path(__file__).parent / "sample_payload.json"
UTC = datetime.timezone.utc


def fake_airflow(version="3.0.2", base_url="https://airflow.example.com"):
    """Modules standing in for ``airflow`` and ``airflow.configuration``."""
    airflow = types.ModuleType("airflow")
    airflow.__version__ = version
    configuration = types.ModuleType("airflow.configuration")

    class Conf:
        @staticmethod
        def get(section, key, fallback=None):
            return base_url if (section, key) == ("api", "base_url") else fallback

    configuration.conf = Conf()
    return {"airflow": airflow, "airflow.configuration": configuration}


class FakeTaskInstance:
    def __init__(self, xcoms=None, xcom_error=None, map_index=-1):
        self.dag_id = "bid_ask_tokyo"
        self.task_id = "qa_check"
        self.map_index = map_index
        self.try_number = 2
        self.state = "failed"
        self.start_date = datetime.datetime(2026, 11, 20, 3, 41, 7, tzinfo=UTC)
        self.end_date = datetime.datetime(2026, 11, 20, 3, 42, 30, tzinfo=UTC)
        self.log_url = (
            "https://airflow.example.com/dags/bid_ask_tokyo/runs/"
            "scheduled__2026-11-20T03:00:00+00:00/tasks/qa_check?try_number=2"
        )
        self._xcoms = xcoms or {}
        self._xcom_error = xcom_error
        self.pulls = []

    def xcom_pull(self, task_ids=None, key=None, **kwargs):
        self.pulls.append((task_ids, key, kwargs))
        if self._xcom_error:
            raise self._xcom_error
        return self._xcoms.get(key)


def seed_context(ti=None, params=None):
    """A failed QA task of a tokyo bid_ask DAG on Airflow 3: seed 000's DagMeister case."""
    ti = ti or FakeTaskInstance(
        xcoms={"notebook_url": "https://notebooks.example.com/qa/bid_ask_tokyo/2026-11-20.ipynb"}
    )
    dag_run = types.SimpleNamespace(
        run_id="scheduled__2026-11-20T03:00:00+00:00",
        logical_date=datetime.datetime(2026, 11, 20, 3, 0, tzinfo=UTC),
        start_date=datetime.datetime(2026, 11, 20, 3, 0, 4, 512000, tzinfo=UTC),
    )
    dag = types.SimpleNamespace(dag_id="bid_ask_tokyo", tags=["region:tokyo", "datapull"])
    return {
        "task_instance": ti,
        "dag_run": dag_run,
        "dag": dag,
        "run_id": dag_run.run_id,
        "logical_date": dag_run.logical_date,
        "params": params if params is not None else {},
        "exception": ValueError("QA failed: 12 rows with ask < bid"),
    }


class BuildPayloadTest(unittest.TestCase):
    def setUp(self):
        patcher = mock.patch.dict(sys.modules, fake_airflow())
        patcher.start()
        self.addCleanup(patcher.stop)
        env = mock.patch.dict(os.environ, {"MEISTER_AIRFLOW_INSTANCE": "prod"})
        env.start()
        self.addCleanup(env.stop)

    def test_the_payload_is_the_committed_sample_that_the_java_webhook_test_posts(self):
        payload = meister_notifier.build_payload(seed_context())

        if os.environ.get("MEISTER_WRITE_SAMPLE") == "1":
            SAMPLE.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n")
        self.assertEqual(json.loads(SAMPLE.read_text()), payload)

    def test_it_carries_the_dag_start_timestamp_beside_the_tries_start(self):
        # Seed 000: "A notification contains: DAG start timestamp, Link fo broken DAG".
        payload = meister_notifier.build_payload(seed_context())

        self.assertEqual("2026-11-20T03:00:04.512000+00:00", payload["dag_run_start_date"])
        self.assertEqual("2026-11-20T03:41:07+00:00", payload["start_date"])
        self.assertEqual("https://airflow.example.com", payload["airflow_url"])
        self.assertEqual("3.0.2", payload["airflow_version"])
        self.assertEqual("prod", payload["airflow_instance"])

    def test_the_qa_notebook_comes_from_the_tasks_notebook_url_xcom_first(self):
        # Seed 000: "Paste the link of QA notebook if QA failed."
        ti = FakeTaskInstance(xcoms={"notebook_url": "https://nb/xcom.ipynb"})

        payload = meister_notifier.build_payload(
            seed_context(ti, params={"notebook_url": "https://nb/param.ipynb"})
        )

        self.assertEqual("https://nb/xcom.ipynb", payload["notebook_url"])
        self.assertEqual([("qa_check", "notebook_url", {})], ti.pulls)

    def test_the_qa_notebook_param_is_used_when_the_task_pushed_none(self):
        payload = meister_notifier.build_payload(
            seed_context(FakeTaskInstance(), params={"notebook_url": "https://nb/param.ipynb"})
        )

        self.assertEqual("https://nb/param.ipynb", payload["notebook_url"])

    def test_an_xcom_failure_falls_back_to_the_param_and_never_raises(self):
        ti = FakeTaskInstance(xcom_error=RuntimeError("metadata DB unreachable"))

        payload = meister_notifier.build_payload(
            seed_context(ti, params={"notebook_url": "https://nb/param.ipynb"})
        )

        self.assertEqual("https://nb/param.ipynb", payload["notebook_url"])

    def test_a_mapped_instance_pulls_its_own_xcom(self):
        ti = FakeTaskInstance(xcoms={"notebook_url": "https://nb/3.ipynb"}, map_index=3)

        meister_notifier.build_payload(seed_context(ti))

        self.assertEqual([("qa_check", "notebook_url", {"map_indexes": 3})], ti.pulls)

    def test_without_a_notebook_or_instance_those_keys_are_left_out(self):
        with mock.patch.dict(os.environ, {}, clear=True):
            payload = meister_notifier.build_payload(seed_context(FakeTaskInstance()))

        self.assertNotIn("notebook_url", payload)
        self.assertNotIn("airflow_instance", payload)

    def test_outside_airflow_the_version_and_base_url_are_left_out(self):
        with mock.patch.dict(sys.modules, {"airflow": None, "airflow.configuration": None}):
            payload = meister_notifier.build_payload(seed_context())

        self.assertNotIn("airflow_version", payload)
        self.assertNotIn("airflow_url", payload)



class CallbackStateTest(unittest.TestCase):
    """The retry and success callbacks post the same payload with their own state."""

    def setUp(self):
        patcher = mock.patch.dict(sys.modules, fake_airflow())
        patcher.start()
        self.addCleanup(patcher.stop)
        env = mock.patch.dict(
            os.environ, {"MEISTER_URL": "http://127.0.0.1:9", "MEISTER_TOKEN": "t"}
        )
        env.start()
        self.addCleanup(env.stop)
        self.posted = []
        post = mock.patch.object(
            meister_notifier, "_post", lambda url, token, payload: self.posted.append(payload)
        )
        post.start()
        self.addCleanup(post.stop)

    def test_success_and_retry_callbacks_say_their_state_and_failure_keeps_the_tasks(self):
        meister_notifier.meister_on_retry(seed_context())
        meister_notifier.meister_on_success(seed_context())
        meister_notifier.meister_on_failure(seed_context())

        self.assertEqual(["up_for_retry", "success", "failed"], [p["state"] for p in self.posted])
        self.assertEqual({p["run_id"] for p in self.posted}, {"scheduled__2026-11-20T03:00:00+00:00"})
        self.assertEqual({p["try_number"] for p in self.posted}, {2})


if __name__ == "__main__":
    unittest.main()
