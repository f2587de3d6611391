#!/usr/bin/env bash
# Runs the shell examples of one guide, in order, in one shell, so that the guides cannot rot:
#
#   bash docs/run-guide.sh docs/partners.md
#
# Every block fenced as ```bash runs (blocks fenced as ```shell are shown, never run: builds, kubectl, the
# launcher itself). A block fenced as ```bash expect=422 (or expect=404,409) documents a refusal: each of its
# curl calls must answer one of those statuses (a 2xx there fails). Elsewhere a curl answer outside 2xx, a
# failed command or a failed pipeline stops the run with the guide's line and the status. Polling loops
# work as written: a curl that answers 404 in `until curl ...` is a condition, not a failure.
#
# It runs from the repository root against the platform the launcher runs (ports 8081-8084). The
# end-to-end tests run it against their own platform: HOMEWARD_PORT_MAP="8081:41234 8082:..." rewrites
# the local ports, and HOMEWARD_DATA_DIR points the launcher's `token` command at that platform's key.
set -euo pipefail

guide=${1:?usage: run-guide.sh GUIDE.md}
[ -f "$guide" ] || { echo "no such guide: $guide" >&2; exit 2; }
guide=$(cd "$(dirname "$guide")" && pwd)/$(basename "$guide")
cd "$(dirname "$0")/.."

script=$(mktemp)
trap 'rm -f "$script"' EXIT

{
  cat <<'PRELUDE'
set -euo pipefail
EXPECT=""
HOMEWARD_BLOCK=""
curl() {
  local headers status rc=0
  headers=$(mktemp)
  command curl -D "$headers" "$@" || rc=$?
  status=$(grep -a '^HTTP/' "$headers" | tail -1 | cut -d' ' -f2 || true)
  rm -f "$headers"
  # In a block that documents a refusal, every curl must answer one of the statuses it names (a refusal that
  # regressed to success fails the guide), even when the example uses curl -f (which then exits 22).
  if [ -n "$EXPECT" ]; then
    case ",$EXPECT," in
      *",${status:-none},"*) return 0 ;;
    esac
    echo "[$HOMEWARD_BLOCK] expected HTTP $EXPECT, got ${status:-none} (curl exit $rc)" >&2
    return 22
  fi
  [ "$rc" -eq 0 ] || { echo "[$HOMEWARD_BLOCK] curl failed (exit $rc${status:+, HTTP $status})" >&2; return "$rc"; }
  case "$status" in
    2*) return 0 ;;
  esac
  echo "[$HOMEWARD_BLOCK] unexpected HTTP ${status:-none}" >&2
  return 22
}
PRELUDE
  awk -v guide="$(basename "$guide")" '
    /^```bash( expect=[0-9,]+)?[ \t]*$/ {
      inside = 1
      expect = ""
      if (match($0, /expect=[0-9,]+/)) expect = substr($0, RSTART + 7, RLENGTH - 7)
      printf "HOMEWARD_BLOCK=\"%s:%d\"; EXPECT=\"%s\"; echo \"--- %s:%d\" >&2\n", guide, NR + 1, expect, guide, NR + 1
      next
    }
    inside && /^```[ \t]*$/ { inside = 0; print "EXPECT=\"\""; next }
    inside { print }
  ' "$guide"
  echo 'echo "--- all blocks ran" >&2'
} > "$script"

for mapping in ${HOMEWARD_PORT_MAP:-}; do
  sed -i "s/localhost:${mapping%%:*}/localhost:${mapping##*:}/g" "$script"
done

bash "$script"
