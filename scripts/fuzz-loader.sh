#!/usr/bin/env bash
# Fuzzes the catalog loader with libFuzzer for a bounded time (default 60 s):
#   bash scripts/fuzz-loader.sh [seconds]
# The seed corpus is the real catalogs (built-in and fixtures); crashes are written to
# .build-fuzz/crashes/ and make the script fail — add each one to Tests/Fixtures/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.build-fuzz
mkdir -p "$out/corpus" "$out/crashes"
cp Resources/aiff2025.json Tests/Fixtures/*.json "$out/corpus/" 2>/dev/null || true
[ -d Tests/Fixtures/fuzz ] && cp Tests/Fixtures/fuzz/* "$out/corpus/" 2>/dev/null || true
# The loader's and the index's targets compiled as one module (their sources copied in
# without their imports of each other), so libFuzzer's instrumentation covers all three.
rm -rf "$out/src" && mkdir -p "$out/src"
for f in Sources/TextGrid/*.swift Sources/FestivalIO/*.swift Sources/FestivalCatalog/*/*.swift Sources/FestivalSearch/*.swift; do
  sed -E '/^import (TextGrid|Festival(IO|Catalog))$/d' "$f" > "$out/src/$(basename "$(dirname "$f")")-$(basename "$f")"
done
swiftc -O -sanitize=fuzzer,address -parse-as-library -package-name festival -module-name FestivalCatalog \
  "$out"/src/*.swift Fuzz/LoaderFuzz.swift -o "$out/loader-fuzz"
"$out/loader-fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -artifact_prefix="$out/crashes/" -print_final_stats=1 "$out/corpus" 2>&1 | tail -25
