#!/usr/bin/env python3
"""Cross-checks Meister's database against the alert ids its 202 answers named.

usage: check_db.py DATABASE IDS_FILE...   (one id per line, as the wrk scripts write them)

Prints one line of key=value: rows and distinct dedup keys in alerts, accepted (202) answers,
distinct ids among them, accepted ids missing from the database, stored alerts no 202 was counted
for (requests in flight when wrk stopped: answered after wrk closed the connection), alerts
without exactly one outbox row.
"""
import sqlite3
import sys


def main() -> None:
    db, files = sys.argv[1], sys.argv[2:]
    accepted = []
    for name in files:
        with open(name) as f:
            accepted += [line.strip() for line in f if line.strip()]
    unnamed = sum(1 for a in accepted if not a.isdigit())
    accepted_ids = {int(a) for a in accepted if a.isdigit()}
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows, keys = c.execute("SELECT COUNT(*), COUNT(DISTINCT dedup_key) FROM alerts").fetchone()
    stored = {r[0] for r in c.execute("SELECT id FROM alerts")}
    outbox = dict(c.execute(
        "SELECT a.id, COUNT(o.id) FROM alerts a LEFT JOIN outbox o ON o.alert_id = a.id GROUP BY a.id"))
    not_one = sum(1 for n in outbox.values() if n != 1)
    print(f"rows={rows} keys={keys} accepted={len(accepted)} accepted_distinct={len(accepted_ids)}"
          f" unnamed={unnamed} missing={len(accepted_ids - stored)}"
          f" uncounted={len(stored - accepted_ids)} outbox_not_one={not_one}")


if __name__ == "__main__":
    main()
