#!/usr/bin/env python3
"""A stand-in for Telegram's Bot API on 127.0.0.1, for bench/run.sh.

Meister runs with Telegram enabled and its api_url pointed here, so the benchmark measures the whole
relay, not just intake: alert posts delivered while webhooks pour in, storm digests, rate pacing.
Answers getMe, getUpdates (held up to 10 s, never any update), sendMessage, editMessageText,
setMyCommands, deleteWebhook and answerCallbackQuery with the Bot API's JSON; counts what it got.

usage: fake_telegram.py PORT TOKEN STATS_FILE [SENDS_FILE [RECORDS_FILE]]   (stats are written on
SIGTERM; with SENDS_FILE, each sendMessage is appended as one line "epoch_seconds kind text_head",
kind being digest or post, for bench/failover.py's pacing check; SENDS_FILE may be "-" for none.
With RECORDS_FILE, each sendMessage is appended as one JSON line for bench/chat.sh: "t" the time it
was received (time.time(), after its body was read), "mid" the message id answered, "chat",
"digest", "acks" the alert ids its buttons name (ack:ID), "listed" the alert ids a digest lists
("#ID title" lines), "count" the alerts a digest says it covers, "runs" the run ids of the GitHub
run links in the text)
"""
import json
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, TOKEN, STATS = int(sys.argv[1]), sys.argv[2], sys.argv[3]
SENDS = open(sys.argv[4], "a", buffering=1) if len(sys.argv) > 4 and sys.argv[4] != "-" else None
RECORDS = open(sys.argv[5], "a", buffering=1) if len(sys.argv) > 5 else None
ACK = re.compile(r'"callback_data"\s*:\s*"ack:(\d+)"')
LISTED = re.compile(r"^#(\d+) ", re.MULTILINE)
COUNT = re.compile(r"(\d+) more (?:failure|alert)")
RUN = re.compile(r"/actions/runs/(\d+)")
lock = threading.Lock()
counts = {"sendmessage": 0, "editmessagetext": 0, "digests": 0, "other": 0}
next_id = [1]
BOT = {"id": 999000111, "is_bot": True, "first_name": "Meister", "username": "meister_bench_bot"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # The answer goes out as two writes (headers, then body): with Nagle's algorithm on, the body
    # waits for the client's delayed ACK of the headers, about 40 ms, so every sendMessage took
    # 40+ ms and the fake, not Meister, capped the relay at about 20 messages a second.
    disable_nagle_algorithm = True

    def log_message(self, *args):  # quiet: one line per request would cost more than the fake
        pass

    def do_POST(self):
        self.handle_call()

    def do_GET(self):
        self.handle_call()

    def handle_call(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        received = time.time()
        prefix = "/bot" + TOKEN + "/"
        if not self.path.startswith(prefix):
            return self.answer(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        method = self.path[len(prefix):].split("?")[0].lower()
        try:
            body = json.loads(raw) if raw and raw[:1] == b"{" else {}
        except ValueError:
            body = {}
        if method == "getme":
            return self.answer(200, {"ok": True, "result": BOT})
        if method == "getupdates":
            time.sleep(min(10, int(body.get("timeout", 10) or 0)))
            return self.answer(200, {"ok": True, "result": []})
        if method in ("sendmessage", "editmessagetext"):
            with lock:
                counts[method] += 1
                text = str(body.get("text", ""))
                if "more failure" in text or "more alert" in text:
                    counts["digests"] += 1
                if method == "sendmessage":
                    mid = next_id[0]
                    next_id[0] += 1
                    if SENDS is not None:
                        digest = "more failure" in text or "more alert" in text
                        head = " ".join(text.split())[:80]
                        SENDS.write(f"{time.time():.3f} {'digest' if digest else 'post'} {head}\n")
                    if RECORDS is not None:
                        RECORDS.write(json.dumps(record(received, mid, body, text)) + "\n")
                else:
                    mid = int(body.get("message_id", 0) or 0)
            return self.answer(200, {"ok": True, "result": {
                "message_id": mid, "date": int(time.time()), "from": BOT,
                "chat": {"id": int(body.get("chat_id", 0) or 0), "type": "supergroup"},
                "text": text}})
        with lock:
            counts["other"] += 1
        return self.answer(200, {"ok": True, "result": True})

    def answer(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client is gone (a killed instance's long poll): nothing to answer


def record(received, mid, body, text):
    """What bench/chat.sh needs of one sendMessage: when, where, and which alerts it names."""
    count = COUNT.search(text)
    digest = count is not None
    markup = body.get("reply_markup") or {}
    markup = markup if isinstance(markup, str) else json.dumps(markup)  # either form is allowed
    return {"t": round(received, 6), "mid": mid, "chat": str(body.get("chat_id", "")),
            "digest": digest, "acks": [int(a) for a in ACK.findall(markup)],
            "listed": [int(a) for a in LISTED.findall(text)] if digest else [],
            "count": int(count.group(1)) if digest else 0,
            "runs": sorted({int(r) for r in RUN.findall(text)})}


def stop(*_):
    with lock:
        with open(STATS, "w") as f:
            json.dump(counts, f)
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
