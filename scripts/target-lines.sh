#!/usr/bin/env bash
# Writes the table of lines per target in docs/ARCHITECTURE.md (between its
# "target-lines" markers) from the Swift and C files under Sources/.
# --check: fail (exit 1) when the committed table differs from the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
doc=docs/ARCHITECTURE.md
table=$(
  echo "| target | files | lines |"
  echo "|---|---|---|"
  for dir in Sources/*/; do
    name=$(basename "$dir")
    files=$(find "$dir" -type f \( -name '*.swift' -o -name '*.c' -o -name '*.h' \) | sort)
    [ -n "$files" ] || continue
    count=$(echo "$files" | wc -l)
    lines=$(echo "$files" | xargs cat | wc -l)
    echo "| \`$name\` | $count | $lines |"
  done
  total=$(find Sources -type f \( -name '*.swift' -o -name '*.c' -o -name '*.h' \) -print0 | xargs -0 cat | wc -l)
  echo "| all of \`Sources/\` | | $total |"
)
new=$(awk -v table="$table" '
  /<!-- target-lines:begin -->/ { print; print table; skip = 1; next }
  /<!-- target-lines:end -->/ { skip = 0 }
  !skip { print }
' "$doc")
if [ "${1:-}" = "--check" ]; then
  if [ "$new" != "$(cat "$doc")" ]; then
    diff <(cat "$doc") <(echo "$new") || true
    echo "target-lines: the table in $doc is out of date; run bash scripts/target-lines.sh and commit it"
    exit 1
  fi
  echo "target-lines: $doc is up to date"
else
  echo "$new" > "$doc"
  echo "target-lines: wrote the table in $doc"
fi
