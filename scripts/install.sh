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

# The Swift runtime and Foundation linked in statically: the linker keeps only what ibdash uses and the loader
# relocates one file instead of nine shared libraries (the demo measured 1.7 MB less resident memory).
flags=(-c release --static-swift-stdlib)
# With lld and glibc 2.36 or later (which reads them), relocations packed as DT_RELR: 3.4 MB of relocation
# records become 48 KB, and the demo measured about 5 MB less resident memory. Older systems get the plain link.
swift_bin="$(dirname "$(readlink -f "$(command -v swift)")")"
glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{ print $2 }')"
if [ -x "$swift_bin/ld.lld" ] && [ -n "$glibc" ] && [ "$(printf '2.36\n%s\n' "$glibc" | sort -V | head -n 1)" = 2.36 ]; then
  flags+=(-Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs)
fi
swift build "${flags[@]}" --product ibdash
bin_dir="$(swift build "${flags[@]}" --show-bin-path)"

install -d "$prefix/bin" "$prefix/share/ibdash/themes"
install -m 0755 "$bin_dir/ibdash" "$prefix/bin/ibdash"
install -m 0644 themes/*.toml "$prefix/share/ibdash/themes/"

echo "installed $prefix/bin/ibdash and $(ls themes/*.toml | wc -l) themes in $prefix/share/ibdash/themes"
