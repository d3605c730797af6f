#!/usr/bin/env bash
# Fuzzes the catalog loader or the cache reader with libFuzzer for a bounded time:
#   bash scripts/fuzz.sh loader|cache [seconds]      (default 60 s)
# Seeds: the real catalogs (built-in and fixtures) for the loader, their cache files for the
# cache reader, and the inputs kept in Tests/Fixtures/fuzz/<target>/. A crash is written to
# .build-fuzz/<target>/crashes/ and makes the script fail — add it to those kept inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz.sh loader|cache [seconds]}
seconds=${2:-60}
case $target in
  loader) harness=Fuzz/LoaderFuzz.swift; storage=() ;;
  cache) harness=Fuzz/CacheFuzz.swift; storage=(Sources/FestivalStorage/CatalogCache.swift) ;;
  *) echo "unknown target '$target' (loader or cache)" >&2; exit 2 ;;
esac
out=.build-fuzz/$target
mkdir -p "$out/corpus" "$out/crashes"
if [ "$target" = loader ]; then
  cp Resources/aiff2025.json Tests/Fixtures/*.json "$out/corpus/" 2>/dev/null || true
else
  # Real cache files: the binary caches each catalog it searches (in a throwaway directory).
  [ -x .build/debug/festival ] || swift build --product festival
  cache=$(mktemp -d)
  for catalog in "" Tests/Fixtures/*.json; do
    XDG_CACHE_HOME=$cache HOME=$cache .build/debug/festival search the ${catalog:+--catalog "$catalog"} >/dev/null 2>&1 || true
  done
  cp "$cache"/festival/catalog-*.bin "$out/corpus/" 2>/dev/null || true
  rm -rf "$cache"
fi
[ -d "Tests/Fixtures/fuzz/$target" ] && cp "Tests/Fixtures/fuzz/$target"/* "$out/corpus/" 2>/dev/null || true
# The targets' sources compiled as one module (copied in without their imports of each
# other), so libFuzzer's instrumentation covers all of them.
rm -rf "$out/src" && mkdir -p "$out/src"
for f in Sources/TextGrid/*.swift Sources/FestivalIO/*.swift Sources/FestivalCatalog/*/*.swift Sources/FestivalSearch/*.swift "${storage[@]}"; do
  sed -E '/^import (TextGrid|Festival(IO|Catalog|Search))$/d' "$f" > "$out/src/$(basename "$(dirname "$f")")-$(basename "$f")"
done
swiftc -O -sanitize=fuzzer,address -D FUZZING -parse-as-library -package-name festival -module-name FestivalCatalog \
  "$out"/src/*.swift "$harness" -o "$out/fuzz"
"$out/fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=262144 \
  -artifact_prefix="$out/crashes/" -print_final_stats=1 "$out/corpus" 2>&1 | tail -25
