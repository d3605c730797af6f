#!/usr/bin/env bash
# Installs festival under $PREFIX (default ~/.local): the release binary, the man page and
# the bash, zsh and fish completions. Build first: swift build -c release --product festival
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-$HOME/.local}
binary=${BINARY:-.build/release/festival}
[ -x "$binary" ] || { echo "install: $binary is missing; run: swift build -c release --product festival"; exit 2; }
install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/festival"
install -m 644 docs/man/festival.1 "$prefix/share/man/man1/festival.1"
"$binary" --generate-completion-script bash > "$prefix/share/bash-completion/completions/festival"
"$binary" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_festival"
"$binary" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/festival.fish"
echo "installed festival $("$prefix/bin/festival" --version | sed 's/^festival //') under $prefix"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "note: $prefix/bin is not on your PATH" ;; esac
