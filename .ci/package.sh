#!/usr/bin/env bash
# Builds the frozen Linux bundle (PyInstaller, one folder) and runs its smoke test.
#   bash .ci/package.sh            build build/dist/waypoint, then packaging/smoke_test.py
#   WAYPOINT_PACKAGE_ARCHIVE=1     also write build/dist/waypoint-<version>-linux-<arch>.tar.gz
#   WAYPOINT_SMOKE_PG_URL=URL      also smoke-test the frozen app against this *throwaway*
#                                  PostgreSQL database (e.g. one made by .ci/postgres.sh)
# Exit status: non-zero when the build or any smoke check fails (each failure is named).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
if [ ! -x "$PY" ]; then
  echo "package.sh: no .venv here; run bash .ci/test first (it creates the venv)" >&2
  exit 1
fi
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  "$PY" -m pip install --quiet -e '.[packaging]'
fi

export QT_QPA_PLATFORM=offscreen
rm -rf build/dist/waypoint
started=$(date +%s.%N)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN packaging/waypoint.spec \
  --distpath build/dist --workpath build/work
finished=$(date +%s.%N)
echo "== bundle: build/dist/waypoint, $(du -sh build/dist/waypoint | cut -f1)," \
  "built in $(awk "BEGIN {printf \"%.1f\", $finished - $started}") s"

if [ "${WAYPOINT_PACKAGE_ARCHIVE:-0}" = 1 ]; then
  version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/__init__.py)
  archive="build/dist/waypoint-${version}-linux-$(uname -m).tar.gz"
  tar -C build/dist -czf "$archive" waypoint
  echo "== archive: $archive ($(du -sh "$archive" | cut -f1))"
fi

echo "== smoke test of the frozen app"
smoke_args=(--bundle build/dist/waypoint)
if [ -n "${WAYPOINT_SMOKE_PG_URL:-}" ]; then
  smoke_args+=(--database-url "$WAYPOINT_SMOKE_PG_URL")
fi
"$PY" packaging/smoke_test.py "${smoke_args[@]}"
