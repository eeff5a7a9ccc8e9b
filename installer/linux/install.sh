#!/bin/sh
# Install the unpacked ksef-desktop folder for the current user: a launcher in
# ~/.local/bin and a menu entry. Run from inside the unpacked folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target="${XDG_DATA_HOME:-$HOME/.local/share}/ksef-desktop/app"
bin="$HOME/.local/bin"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$target" "$bin" "$apps"
cp -a "$here/." "$target/"
ln -sf "$target/ksef-desktop" "$bin/ksef-desktop"
cat > "$apps/ksef-desktop.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=ksef-desktop
GenericName=KSeF e-invoicing client
GenericName[pl]=Klient KSeF (e-faktury)
Comment=Send invoices to Poland's KSeF
Comment[pl]=Wysyłanie faktur do KSeF
Exec=$target/ksef-desktop
Terminal=false
Categories=Office;Finance;
DESKTOP
echo "ksef-desktop installed in $target; start it with: ksef-desktop (or ksef-desktop --demo)"
