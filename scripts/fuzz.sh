#!/usr/bin/env bash
# Fuzzes the catalog loader, the cache reader, the TOML parser or the importers
# with libFuzzer for a bounded time:
#   bash scripts/fuzz.sh loader|cache|toml|import [seconds]   (default 60 s; import: every importer)
# Seeds: the real catalogs (built-in and fixtures) for the loader, their cache files for the
# cache reader, toml-test's files (Debian's package) for TOML, and the inputs kept in Tests/Fixtures/fuzz/<target>/. A crash is written to
# .build-fuzz/<target>/crashes/ and makes the script fail — add it to those kept inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz.sh loader|cache|toml|import [seconds]}
seconds=${2:-60}
catalog=(Sources/TextGrid/*.swift Sources/FestivalIO/*.swift Sources/FestivalCatalog/*/*.swift Sources/FestivalSearch/*.swift)
case $target in
  loader) harness=Fuzz/LoaderFuzz.swift; sources=("${catalog[@]}"); module=FestivalCatalog ;;
  cache) harness=Fuzz/CacheFuzz.swift; sources=("${catalog[@]}" Sources/FestivalStorage/CatalogCache.swift Sources/FestivalStorage/CatalogIdentity.swift); module=FestivalCatalog ;;
  toml) harness=Fuzz/TOMLFuzz.swift; sources=(Sources/FestivalTOML/*.swift); module=FestivalTOML ;;
  import) harness=Fuzz/ImportFuzz.swift; sources=("${catalog[@]}" Sources/FestivalImport/*.swift); module=FestivalCatalog ;;
  *) echo "unknown target '$target' (loader, cache, toml or import)" >&2; exit 2 ;;
esac
out=.build-fuzz/$target
mkdir -p "$out/corpus" "$out/crashes"
if [ "$target" = loader ]; then
  cp Resources/aiff2025.json Tests/Fixtures/*.json "$out/corpus/" 2>/dev/null || true
elif [ "$target" = import ]; then
  cp Tests/Fixtures/Import/* "$out/corpus/" 2>/dev/null || true
elif [ "$target" = toml ]; then
  # toml-test's files, where Debian's golang-github-burntsushi-toml-dev installs them.
  suite=${TOML_TEST_DIR:-/usr/share/gocode/src/github.com/BurntSushi/toml/internal/toml-test/tests}
  n=0
  while read -r f; do n=$((n + 1)); cp "$f" "$out/corpus/t$n.toml"; done < <(find "$suite" -name '*.toml' 2>/dev/null)
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
for f in "${sources[@]}"; do
  sed -E '/^import (TextGrid|Festival(IO|Catalog|Search|Import))$/d' "$f" > "$out/src/$(basename "$(dirname "$f")")-$(basename "$f")"
done
swiftc -O -sanitize=fuzzer,address -D FUZZING -parse-as-library -package-name festival -module-name "$module" \
  "$out"/src/*.swift "$harness" -o "$out/fuzz"
LSAN_OPTIONS="suppressions=$PWD/scripts/fuzz-lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" "$out/fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=262144 \
  -artifact_prefix="$out/crashes/" -print_final_stats=1 "$out/corpus" 2>&1 | tail -25
