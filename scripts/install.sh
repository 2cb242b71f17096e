#!/usr/bin/env bash
# Builds ibdash in release mode and installs it under PREFIX (default /usr/local):
#   PREFIX/bin/ibdash and PREFIX/share/ibdash/themes/*.toml, where the binary looks for its shipped themes.
# Usage: scripts/install.sh [PREFIX]
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="${1:-/usr/local}"
case "$prefix" in
  /*) ;;
  *) prefix="$PWD/$prefix" ;;
esac

swift build -c release --product ibdash
bin_dir="$(swift build -c release --show-bin-path)"

install -d "$prefix/bin" "$prefix/share/ibdash/themes"
install -m 0755 "$bin_dir/ibdash" "$prefix/bin/ibdash"
install -m 0644 themes/*.toml "$prefix/share/ibdash/themes/"

echo "installed $prefix/bin/ibdash and $(ls themes/*.toml | wc -l) themes in $prefix/share/ibdash/themes"
