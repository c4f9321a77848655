#!/usr/bin/env bash
# Installs the unpacked Waypoint bundle for this user (default) or system-wide, with its menu
# entry, icon, AppStream data and the case-file type (*.waypoint.json opens in Waypoint).
#   ./install.sh                 to ~/.local  (no root needed)
#   sudo ./install.sh --system   to /opt/waypoint + /usr/local
# Your cases are not touched: they live in ~/.local/share/Waypoint.
set -euo pipefail

APP_ID=io.github.waypoint_transit.Waypoint
HERE=$(cd "$(dirname "$0")" && pwd)

if [ "${1:-}" = --system ]; then
  APP_DIR=/opt/waypoint
  PREFIX=/usr/local
else
  PREFIX=$HOME/.local
  APP_DIR=$PREFIX/lib/waypoint
fi
SHARE=$PREFIX/share

if [ ! -x "$HERE/waypoint" ] || [ ! -d "$HERE/share" ]; then
  echo "install.sh: run me from the unpacked bundle (next to the waypoint executable)" >&2
  exit 1
fi

echo "Installing Waypoint to $APP_DIR"
rm -rf "$APP_DIR"
mkdir -p "$APP_DIR" "$PREFIX/bin"
cp -a "$HERE/." "$APP_DIR/"
ln -sfn "$APP_DIR/waypoint" "$PREFIX/bin/waypoint"

install -Dm644 "$HERE/share/applications/$APP_ID.desktop" "$SHARE/applications/$APP_ID.desktop"
# The menu entry runs the installed executable even when $PREFIX/bin is not on PATH.
sed -i "s|^Exec=waypoint|Exec=$APP_DIR/waypoint|; s|^TryExec=waypoint|TryExec=$APP_DIR/waypoint|" \
  "$SHARE/applications/$APP_ID.desktop"
install -Dm644 "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/$APP_ID.metainfo.xml"
install -Dm644 "$HERE/share/mime/packages/waypoint-case.xml" "$SHARE/mime/packages/waypoint-case.xml"
for icon in "$HERE"/share/icons/hicolor/*/apps/"$APP_ID".png; do
  size=$(basename "$(dirname "$(dirname "$icon")")")
  install -Dm644 "$icon" "$SHARE/icons/hicolor/$size/apps/$APP_ID.png"
done

# Refresh the desktop's caches when the tools are there (they are on any desktop system).
command -v update-mime-database >/dev/null && update-mime-database "$SHARE/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true

echo "Done. Start it from the menu, or run: $PREFIX/bin/waypoint"
