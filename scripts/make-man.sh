#!/usr/bin/env bash
# Writes docs/man/festival.1 from the command definitions, with swift-argument-parser's own
# manual generator (generate-manual, built from the package's checkout into .build).
# --check: fail (exit 1) when the committed page differs from what the commands say now.
set -euo pipefail
cd "$(dirname "$0")/.."
# The page's date: the version's, not today's, so the page changes only with the program.
date=2026-12-04
swift build --product festival >/dev/null
checkout=.build/checkouts/swift-argument-parser
[ -d "$checkout" ] || { echo "make-man: $checkout is missing (run swift build first)"; exit 2; }
swift build --package-path "$checkout" --scratch-path .build/generate-manual -c release --product generate-manual >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/generate-manual/release/generate-manual .build/debug/festival --date "$date" --output-directory "$out"
if [ "${1:-}" = "--check" ]; then
  if ! diff -u docs/man/festival.1 "$out/festival.1"; then
    echo "make-man: docs/man/festival.1 is out of date; run bash scripts/make-man.sh and commit it"
    exit 1
  fi
  echo "make-man: docs/man/festival.1 is up to date"
else
  cp "$out/festival.1" docs/man/festival.1
  echo "make-man: wrote docs/man/festival.1"
fi
