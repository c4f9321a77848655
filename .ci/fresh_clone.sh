#!/usr/bin/env bash
# A clean clone passes its own tests: clones the committed HEAD into an empty temporary
# folder (nothing beside it: no team reference folder, no venv, no build) and runs the README's two
# commands there, as they are written in README.md:
#   1. install and start the app: offscreen, exiting by itself once the case list shows the
#      demo case (WAYPOINT_EXIT_AT_FIRST_PAINT=cases), with its data in a temporary folder;
#   2. the test command (bash .ci/test);
# then any further commands given as arguments (CI builds the frozen bundle there too).
# The database passphrase comes from $WAYPOINT_PASSPHRASE, as for any script.
# pip's download cache is shared with the machine (it only saves time, it adds no files).
# Exit status: non-zero when either command fails.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
clone_parent=$(mktemp -d)
user_home=$(mktemp -d)
trap 'rm -rf "$clone_parent" "$user_home"' EXIT

git clone --quiet --no-hardlinks "$repo" "$clone_parent/waypoint"
cd "$clone_parent/waypoint"
echo "== fresh clone of $(git rev-parse --short HEAD) in $PWD (beside it: $(ls -A .. | tr '\n' ' '))"

# The commands exactly as the README gives them.
install_and_start=$(grep -m1 '^python3 -m venv .venv && ' README.md)
test_command=$(grep -m1 '^bash .ci/test' README.md)
[ -n "$install_and_start" ] && [ -n "$test_command" ] || {
  echo "fresh_clone.sh: README.md no longer holds the two commands" >&2; exit 1; }

# The app's data folder (platformdirs) goes to the temporary home, not the real one.
export XDG_DATA_HOME="$user_home/data" XDG_CONFIG_HOME="$user_home/config"
export XDG_STATE_HOME="$user_home/state"
export WAYPOINT_PASSPHRASE=${WAYPOINT_PASSPHRASE:-"fresh clone check: not a real passphrase"}

echo "== 1/2: $install_and_start"
started=$(date +%s)
QT_QPA_PLATFORM=offscreen WAYPOINT_EXIT_AT_FIRST_PAINT=cases \
  timeout 900 bash -c "$install_and_start" > "$user_home/start.log" 2>&1 || {
  echo "fresh_clone.sh: the install-and-start command failed:" >&2
  tail -n 30 "$user_home/start.log" >&2; exit 1; }
grep -q '^first-paint ' "$user_home/start.log" || {
  echo "fresh_clone.sh: the window never showed the case list" >&2; exit 1; }
info=$(.venv/bin/waypoint info)  # (not piped into grep -q: that would break the pipe)
grep -Eq '^Schema revision: +[0-9]' <<< "$info" || {
  echo "fresh_clone.sh: the first start did not create and migrate the database:" >&2
  echo "$info" >&2; exit 1; }
echo "   installed, started, showed the demo case and quit in $(( $(date +%s) - started )) s"

echo "== 2/2: $test_command"
started=$(date +%s)
bash -c "$test_command"
echo "   the test command passed in $(( $(date +%s) - started )) s"

for extra in "$@"; do
  echo "== then: $extra"
  started=$(date +%s)
  bash -c "$extra"
  echo "   passed in $(( $(date +%s) - started )) s"
done
