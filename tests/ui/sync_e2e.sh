#!/usr/bin/env bash
# End to end: a real kiosk-hq on 127.0.0.1, a provisioned kiosk, a rating filed through the
# UI, and the record listed at HQ — exactly once, and only after wait_sync said the outbox
# is empty.
set -euo pipefail
kiosk="$1"; hq="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work"
"$hq" init --dir "$work/hq" >/dev/null
"$hq" serve --dir "$work/hq" --listen 127.0.0.1:0 > "$work/hq.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "listening on" "$work/hq.log" && break; sleep 0.1; done
port=$(sed -n 's/.*listening on 127.0.0.1:\([0-9]*\).*/\1/p' "$work/hq.log")
[ -n "$port" ] || { echo "HQ did not start"; cat "$work/hq.log"; exit 1; }
"$hq" provision --dir "$work/hq" --kiosk e2e-kiosk --out "$work/kiosk" --hq-url "http://127.0.0.1:$port" >/dev/null
printf '%s\n' '{"tap":"home.rate"}' '{"tap":"rate.overall.5"}' '{"tap":"nav.submit"}' \
  '{"expect_screen":"rate.done"}' '{"wait_sync":30}' > "$work/replay.jsonl"
"$kiosk" --headless --size 1280x800 --data "$work/kiosk" --replay "$work/replay.jsonl"
count=$("$hq" list --dir "$work/hq" --json | grep -o '"kind":"rating"' | wc -l)
[ "$count" -eq 1 ] || { echo "expected 1 rating at HQ, found $count"; "$hq" list --dir "$work/hq"; exit 1; }
echo "rating reached HQ once"
