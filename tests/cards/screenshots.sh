#!/usr/bin/env bash
# Regenerates docs/cards/*.png, the README screenshots that tests/browser.rs also
# uses as PNG snapshots: headless Chromium screenshots of the golden SVGs in
# tests/cards/ at half scale (Chromium's smallest device scale factor), to keep them small.
#   UPDATE_GOLDEN=1 cargo test --test cards && bash tests/cards/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
CHROMIUM=${CHROMIUM:-chromium}
# name scale (keep in sync with SNAPSHOTS in tests/browser.rs)
while read -r name scale; do
  svg="tests/cards/$name.svg"
  w=$(grep -o '^<svg[^>]* width="[0-9]*"' "$svg" | grep -o '[0-9]*"$' | tr -d '"')
  h=$(grep -o '^<svg[^>]* height="[0-9]*"' "$svg" | grep -o '[0-9]*"$' | tr -d '"')
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor="$scale" \
    --window-size="$w,$h" --screenshot="docs/cards/$name.png" "file://$PWD/$svg" >/dev/null 2>&1
  # Optional (Debian `pngquant`): 64 colours, a third of the size; the snapshot test tolerates it.
  if command -v pngquant >/dev/null; then pngquant --force --skip-if-larger --ext .png 64 "docs/cards/$name.png" || true; fi
  echo "docs/cards/$name.png ($(stat -c %s "docs/cards/$name.png") bytes)"
done <<'LIST'
og-light 0.5
og-dark 0.5
og-custom 0.5
og-light-ar 0.5
square-light 0.5
square-dark 0.5
story-light 0.5
story-dark 0.5
badge-light 0.5
badge-dark 0.5
LIST
