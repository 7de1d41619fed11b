#!/usr/bin/env bash
# End to end: a real kiosk-hq on 127.0.0.1, a provisioned kiosk, a rating and an inquiry
# filed through the UI and listed at HQ exactly once; then HQ answers the inquiry and the
# kiosk's status screen, after its next sync, knows the answer.
set -euo pipefail
kiosk="$1"; hq="$2"; work="$3"
rm -rf "$work"; mkdir -p "$work"
# HQ's key is wrapped by a passphrase; the cheaper KDF cost keeps the test quick.
(umask 077; printf '%s\n' 'e2e passphrase for the HQ key' > "$work/hq.passphrase")
"$hq" init --dir "$work/hq" --kdf interactive --passphrase-file "$work/hq.passphrase" >/dev/null
"$hq" serve --dir "$work/hq" --listen 127.0.0.1:0 > "$work/hq.log" 2>&1 </dev/null &
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

printf '%s\n' '{"tap":"home.feedback"}' '{"tap":"feedback.kind.inquiry"}' '{"tap":"feedback.text"}' \
  '{"type":"When does the committee meet?"}' '{"tap":"nav.submit"}' '{"expect_screen":"feedback.done"}' \
  '{"wait_sync":30}' > "$work/inquiry.jsonl"
"$kiosk" --headless --size 1280x800 --data "$work/kiosk" --replay "$work/inquiry.jsonl"
# One JSON object per record, keys in order: pick the feedback's reference.
ref=$("$hq" list --dir "$work/hq" --json | tr '{' '\n' | grep '"kind":"feedback"' | grep -o '"reference":"[^"]*"' | cut -d'"' -f4 || true)
[ -n "$ref" ] || { echo "the inquiry did not reach HQ"; "$hq" list --dir "$work/hq"; exit 1; }
"$hq" set-status --dir "$work/hq" "$ref" answered --note "Thursday at ten" >/dev/null

printf '%s\n' '{"wait_sync":30}' '{"tap":"home.status"}' '{"tap":"status.reference"}' "{\"type\":\"$ref\"}" \
  '{"tap":"nav.submit"}' '{"expect_screen":"status.result"}' > "$work/status.jsonl"
"$kiosk" --headless --size 1280x800 --data "$work/kiosk" --replay "$work/status.jsonl"
status=$(sqlite3 "$work/kiosk/kiosk.db" "select status || '|' || note from statuses where reference = '$ref'")
case "$status" in
  "answered|Thursday at ten") echo "HQ's answer for $ref reached the kiosk" ;;
  *) echo "the kiosk does not know HQ's answer for $ref (got '$status')"; sqlite3 "$work/kiosk/kiosk.db" ".dump statuses"; exit 1 ;;
esac
