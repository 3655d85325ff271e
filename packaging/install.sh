#!/bin/sh
# Install the PyInstaller app (dist/reviewdesk/, built by `make package`) for the current user, with its
# launcher (.desktop), icon and AppStream metainfo, all under the id org.reviewdesk.ReviewDesk.
#
#   packaging/install.sh              # into ~/.local (PREFIX=... to choose another prefix)
#   packaging/install.sh --uninstall  # remove what it installed
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
APP_ID=org.reviewdesk.ReviewDesk
PREFIX=${PREFIX:-$HOME/.local}
DIST=${DIST:-$ROOT/dist/reviewdesk}
APP_DIR=$PREFIX/lib/reviewdesk
BIN=$PREFIX/bin/reviewdesk
DESKTOP=$PREFIX/share/applications/$APP_ID.desktop
METAINFO=$PREFIX/share/metainfo/$APP_ID.metainfo.xml
ICON=$PREFIX/share/icons/hicolor/scalable/apps/$APP_ID.svg

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$APP_DIR"
    rm -f "$BIN" "$DESKTOP" "$METAINFO" "$ICON"
    echo "ReviewDesk removed from $PREFIX"
    exit 0
fi

if [ ! -x "$DIST/reviewdesk" ]; then
    echo "No built app in $DIST: run 'make package' first." >&2
    exit 1
fi

rm -rf "$APP_DIR"
mkdir -p "$(dirname "$APP_DIR")" "$(dirname "$BIN")"
cp -R "$DIST" "$APP_DIR"
ln -sf "$APP_DIR/reviewdesk" "$BIN"
install -Dm644 "$HERE/$APP_ID.metainfo.xml" "$METAINFO"
install -Dm644 "$ROOT/resources/icons/$APP_ID.svg" "$ICON"
mkdir -p "$(dirname "$DESKTOP")"
# The launcher runs the installed executable by its full path: ~/.local/bin is not always on PATH.
sed "s|^Exec=reviewdesk|Exec=$APP_DIR/reviewdesk|" "$HERE/$APP_ID.desktop" > "$DESKTOP"
chmod 644 "$DESKTOP"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
echo "ReviewDesk installed: $BIN (menu entry $DESKTOP)"
