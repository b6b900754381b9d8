#!/usr/bin/env python3
"""Writes the benchmark's GitHub webhook body and prints its X-Hub-Signature-256 value.

The body is the real workflow_run fixture turned into a failure (action and status "completed",
conclusion "failure"), serialised once; the signature is HMAC-SHA256(secret, those exact bytes).

usage: make_body.py FIXTURE OUT_FILE   (the secret is read from $GITHUB_WEBHOOK_SECRET)
"""
import hashlib
import hmac
import json
import os
import sys


def main() -> None:
    fixture, out = sys.argv[1], sys.argv[2]
    with open(fixture, "rb") as f:
        payload = json.load(f)
    payload["action"] = "completed"
    payload["workflow_run"]["status"] = "completed"
    payload["workflow_run"]["conclusion"] = "failure"
    body = json.dumps(payload, indent=2).encode("utf-8")
    with open(out, "wb") as f:
        f.write(body)
    secret = os.environ["GITHUB_WEBHOOK_SECRET"].encode("utf-8")
    print("sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest())


if __name__ == "__main__":
    main()
