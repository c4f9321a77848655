#!/usr/bin/env bash
# Removes Waypoint installed by install.sh. Your cases, memos and backups stay in your data
# folder unless you add --purge-data (asks first).
#   ~/.local/lib/waypoint/uninstall.sh [--purge-data]
#   sudo /opt/waypoint/uninstall.sh --system
set -euo pipefail

APP_ID=io.github.waypoint_transit.Waypoint
PURGE=0
SYSTEM=0
for arg in "$@"; do
  case "$arg" in
    --purge-data) PURGE=1 ;;
    --system) SYSTEM=1 ;;
    *) echo "uninstall.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

if [ "$SYSTEM" = 1 ]; then
  APP_DIR=/opt/waypoint
  PREFIX=/usr/local
else
  PREFIX=$HOME/.local
  APP_DIR=$PREFIX/lib/waypoint
fi
SHARE=$PREFIX/share

rm -f "$PREFIX/bin/waypoint" \
  "$SHARE/applications/$APP_ID.desktop" \
  "$SHARE/metainfo/$APP_ID.metainfo.xml" \
  "$SHARE/mime/packages/waypoint-case.xml" \
  "$SHARE"/icons/hicolor/*/apps/"$APP_ID".png
rm -rf "$APP_DIR"
command -v update-mime-database >/dev/null && update-mime-database "$SHARE/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "Waypoint removed from $APP_DIR."

DATA_DIR=${WAYPOINT_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/Waypoint}
if [ "$PURGE" = 1 ] && [ -d "$DATA_DIR" ]; then
  read -r -p "Delete every case, memo and backup in $DATA_DIR? Type DELETE to confirm: " answer
  if [ "$answer" = DELETE ]; then
    rm -rf "$DATA_DIR"
    echo "Deleted $DATA_DIR."
  else
    echo "Kept $DATA_DIR."
  fi
elif [ -d "$DATA_DIR" ]; then
  echo "Your data is still in $DATA_DIR (remove it yourself, or run with --purge-data)."
fi
