#!/usr/bin/env python3
"""Two `meister run` instances on one PostgreSQL; the leader is killed with SIGKILL mid-storm.

usage: failover.py JAR PG_URL PG_USER WORK_DIR [WEBHOOKS=600] [KILL_AFTER=0.4]

PG_URL is a JDBC URL of an empty database. A signed failed `workflow_run` (the real fixture) is sent
WEBHOOKS times with distinct delivery ids from 16 threads, alternating between the two instances
(what a load balancer does); a sender whose instance is gone sends to the other, as GitHub's retry
would reach the survivor. Once KILL_AFTER of them are answered, the leader gets SIGKILL. Printed, as
key=value lines: the takeover time, the accepted webhooks, alerts missing from the database, alerts
without exactly one outbox row, alert posts and digests the fake Telegram got, how many messages
went out twice (sends the chat got minus deliveries the database recorded: at most the one the
kill may have cut between Telegram's answer and the commit), the pace (most alert posts in any
minute, smallest gap between digests), and what /health says on each instance at the end.
Exits 1 when a check fails.
"""
import hashlib
import hmac
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

TOKEN = "5151:failover-bench"
SECRET = "failover-bench-secret"
CHAT = "-1003000000051"
LEASE_SECONDS = 10
BURST, PER_MINUTE = 10, 9  # StormGuard.CHAT_BURST and CHAT_PER_MINUTE


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def health(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
            return json.loads(r.read())
    except urllib.error.HTTPError as e:
        return json.loads(e.read())
    except OSError:
        return None


def await_(what, check, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.1)
    raise SystemExit(f"failover: timed out waiting for {what}")


def psql(url, user, sql):
    # JDBC URL to a libpq one: jdbc:postgresql://host:port/db -> postgresql://user@host:port/db
    libpq = url[len("jdbc:"):].replace("postgresql://", f"postgresql://{user}@", 1)
    out = subprocess.run(["psql", "-Atq", libpq, "-c", sql], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def main():
    jar, pg_url, pg_user, work = sys.argv[1:5]
    total = int(sys.argv[5]) if len(sys.argv) > 5 else 600
    kill_after = float(sys.argv[6]) if len(sys.argv) > 6 else 0.4
    here = os.path.dirname(os.path.abspath(__file__))
    fixture = os.environ.get("FIXTURE") or os.path.join(here, "..", "..", "shared", "fixtures", "github", "workflow_run.completed.json")
    if not os.path.isfile(fixture):
        fixture = "/work/shared/fixtures/github/workflow_run.completed.json"
    with open(fixture, "rb") as f:
        payload = json.load(f)
    payload["action"] = "completed"
    payload["workflow_run"]["status"] = "completed"
    payload["workflow_run"]["conclusion"] = "failure"
    body = json.dumps(payload).encode()
    signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()

    tg_port = free_port()
    sends = os.path.join(work, "sends.log")
    fake = subprocess.Popen([sys.executable, os.path.join(here, "fake_telegram.py"), str(tg_port), TOKEN,
                             os.path.join(work, "telegram-stats.json"), sends])
    procs = {}
    ports = {"a": free_port(), "b": free_port()}
    env = dict(os.environ, TELEGRAM_BOT_TOKEN=TOKEN, GITHUB_WEBHOOK_SECRET=SECRET)

    def start(name, log_name):
        cfg = os.path.join(work, name + ".yml")
        with open(cfg, "w") as f:
            f.write(CONFIG.format(tg=tg_port, chat=CHAT, url=pg_url, user=pg_user, name=name,
                                  lease=LEASE_SECONDS, port=ports[name]))
        log = open(os.path.join(work, log_name + ".log"), "w")
        procs[name] = subprocess.Popen(["java", "-Xmx256m", "-jar", jar, "run", "--config", cfg],
                                       env=env, stdout=log, stderr=subprocess.STDOUT)

    def role(name):
        h = health(ports[name])
        return h and (h.get("role"), h.get("leader"))

    try:
        start("a", "a")
        await_("a to lead", lambda: role("a") == ("leader", "a"), 60)
        start("b", "b")
        await_("b to follow", lambda: role("b") == ("follower", "a"), 60)
        leader, follower = "a", "b"

        accepted, lock = [], threading.Lock()
        answered = [0]
        killed_at = [None]
        counter = iter(range(1, total + 1))

        def post(port, delivery):
            req = urllib.request.Request(f"http://127.0.0.1:{port}/hooks/github", data=body, method="POST", headers={
                "Content-Type": "application/json", "X-GitHub-Event": "workflow_run",
                "X-GitHub-Delivery": delivery, "X-Hub-Signature-256": signature})
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status

        def sender(k):
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                delivery = f"failover-{i}"
                order = [ports["a"], ports["b"]] if (i + k) % 2 == 0 else [ports["b"], ports["a"]]
                for attempt in range(40):
                    port = order[attempt % 2]
                    try:
                        status = post(port, delivery)
                    except (OSError, urllib.error.URLError):
                        time.sleep(0.05)
                        continue
                    if 200 <= status < 300:
                        with lock:
                            accepted.append(delivery)
                            answered[0] += 1
                            if killed_at[0] is None and answered[0] >= total * kill_after:
                                procs[leader].send_signal(signal.SIGKILL)
                                killed_at[0] = time.monotonic()
                        break

        threads = [threading.Thread(target=sender, args=(k,)) for k in range(16)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        sent_in = time.monotonic() - started
        if killed_at[0] is None:
            raise SystemExit("failover: the leader was never killed")
        procs[leader].wait(20)
        await_("b to take over", lambda: role(follower) == ("leader", follower), 60)
        takeover = time.monotonic() - killed_at[0]

        # Everything queued goes out: alert posts at the pace, the rest in digests (one a minute).
        def settled():
            left = psql(pg_url, pg_user, "SELECT count(*) FROM outbox WHERE state IN ('pending', 'folded')")
            return left == "0"
        await_("the outbox to empty (digests come once a minute)", settled, 200)
        time.sleep(1)  # the fake's log is line-buffered; its last line is written before Meister's commit

        start(leader, leader + "-again")
        await_("the killed instance to come back as a follower", lambda: role(leader) == ("follower", follower), 60)

        dist = set(accepted)
        alerts = int(psql(pg_url, pg_user, "SELECT count(*) FROM alerts"))
        keys = set(psql(pg_url, pg_user, "SELECT dedup_key FROM alerts").split())
        missing = len({"github:" + d for d in dist} - keys)
        not_one = int(psql(pg_url, pg_user,
            "SELECT count(*) FROM alerts a WHERE (SELECT count(*) FROM outbox o WHERE o.alert_id = a.id AND o.kind = 'POST') <> 1"))
        recorded = int(psql(pg_url, pg_user,
            "SELECT count(*) FROM outbox WHERE state = 'delivered' AND kind = 'POST' AND chat_id = '" + CHAT + "'"))
        lines = [l.split(" ", 2) for l in open(sends).read().splitlines() if l.strip()]
        posts = [float(l[0]) for l in lines if l[1] == "post"]
        digests = [float(l[0]) for l in lines if l[1] == "digest"]
        worst_minute = max((sum(1 for t in posts if s <= t < s + 60) for s in posts), default=0)
        gaps = [b - a for a, b in zip(digests, digests[1:])]
        min_gap = min(gaps) if gaps else None
        doubles = len(lines) - recorded
        ha, hb = health(ports["a"]), health(ports["b"])
        print(f"webhooks_sent={total} accepted={len(accepted)} distinct_accepted={len(dist)} in_seconds={sent_in:.1f}")
        print(f"takeover_seconds={takeover:.1f} lease_seconds={LEASE_SECONDS}")
        print(f"alerts_stored={alerts} accepted_missing={missing} alerts_without_one_post_row={not_one}")
        print(f"chat_alert_posts={len(posts)} chat_digests={len(digests)} recorded_sends={recorded} sent_twice={doubles}")
        print(f"most_alert_posts_in_a_minute={worst_minute} (pace: burst {BURST} then {PER_MINUTE}/min)"
              f" smallest_gap_between_digests_s={'-' if min_gap is None else f'{min_gap:.1f}'}")
        print(f"health_a=role:{ha.get('role')},leader:{ha.get('leader')} health_b=role:{hb.get('role')},leader:{hb.get('leader')}")
        ok = (missing == 0 and not_one == 0 and len(dist) == alerts and 0 <= doubles <= 1
              and takeover <= 15 and worst_minute <= BURST + PER_MINUTE
              and (min_gap is None or min_gap >= 59))
        print("result=" + ("PASS" if ok else "FAIL"))
        return 0 if ok else 1
    finally:
        for p in procs.values():
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(30)
                except subprocess.TimeoutExpired:
                    p.kill()
        fake.terminate()


CONFIG = """\
team:
  members:
    alice: {{ name: Alice Doe, telegram: alice_d, telegram_id: 100001, roles: [team_lead] }}
    bob:   {{ name: Bob Stone, telegram: bobs, telegram_id: 100002 }}
rotations:
  buildmeister:
    name: Buildmeister
    zone: Europe/Berlin
    shift: 2w
    handoff: {{ day: monday, time: "11:00" }}
    anchor: 2026-11-16
    roster: [bob, alice]
    chat: telegram/build-alerts
chats:
  telegram:
    token: ${{TELEGRAM_BOT_TOKEN}}
    api_url: http://127.0.0.1:{tg}
    chats:
      build-alerts: {{ chat_id: {chat} }}
routes:
  - name: builds
    match: {{ source: github }}
    rotation: buildmeister
storage:
  url: {url}
  user: {user}
  instance_id: {name}
  lease: {lease}s
server:
  bind: 127.0.0.1
  port: {port}
  github_secret: ${{GITHUB_WEBHOOK_SECRET}}
"""

if __name__ == "__main__":
    sys.exit(main())
