#!/usr/bin/env bash
# Enforces the module boundaries of docs/ARCHITECTURE.md that the link graph cannot: system
# headers are reachable from everywhere, so a stray #include <pugixml.hpp> in an algorithm
# would compile. Each folder of src/ may include only the third-party headers listed here,
# and only the project modules below it. Runs as the CTest test `layering`.
set -uo pipefail
src=${1:-$(dirname "$0")/../src}
status=0

# module: allowed third-party include prefixes (regex) | allowed project modules
declare -A third=(
  [core]='unicode/'
  [segment]='unicode/'
  [align]='unicode/'
  [term]='unicode/|libstemmer'
  [tm]='unicode/'
  [qa]=''
  [spell]='unicode/|hunspell/'   # hunspell only in spell/hunspell.cc (only_file below)
  [io]='pugixml|gumbo|zip\.h|zipconf|zlib\.h|unicode/|sys/|fcntl|unistd'
  [store]='sqlite3|libpq-fe'
  [app]='unicode/'
  [cli]='boost/|unicode/'
)
declare -A project=(
  [core]='core'
  [segment]='core|segment'
  [align]='core|align'
  [term]='core|term'
  [tm]='core|tm'
  [qa]='core|term|qa'
  [spell]='core|term|qa|spell'
  [io]='core|io'
  [store]='core|store'
  [app]='core|segment|align|term|tm|qa|spell|io|store|app'
  [cli]='.*'
)
known='unicode/|pugixml|gumbo|zip\.h|zipconf|zlib\.h|boost/|sqlite3|libpq|libstemmer|hunspell|gtest|gmock|benchmark/|sys/|fcntl|unistd'
# Headers confined to one file of their module: libzip to the zip reader (io/zip_archive.h is
# the one way to open an archive, with its zip-bomb limits); Hunspell to the dictionaries' edge.
# zlib to the dictd reader (dictzip data).
# libpq to the PostgreSQL TM's files (a pattern of file names: store/postgres_*).
declare -A only_file=(
  ['zip\.h|zipconf']='io/zip_archive.cc'
  ['zlib\.h']='io/dictd.cc'
  ['hunspell']='spell/hunspell.cc'
  ['libpq']='store/postgres_[a-z_]+\.(h|cc)'
)

for dir in "$src"/*/; do
  mod=$(basename "$dir")
  [ -n "${project[$mod]+x}" ] || { echo "layering: unknown module src/$mod (add it here)"; status=1; continue; }
  while IFS= read -r line; do
    file=${line%%:*}
    [[ $line =~ \#include\ *[\<\"]([^\>\"]+) ]] || continue
    inc=${BASH_REMATCH[1]}
    if [[ $line == *'#include "'* ]]; then
      top=${inc%%/*}
      if [[ $inc == ../* ]]; then
        echo "layering: $file: relative include \"$inc\" (root includes at src/)"; status=1
      elif ! [[ $top =~ ^(${project[$mod]})$ ]]; then
        echo "layering: $file: src/$mod may not include \"$inc\""; status=1
      fi
    elif [[ $inc =~ ^($known) ]]; then
      allowed=${third[$mod]}
      if [ -z "$allowed" ] || ! [[ $inc =~ ^($allowed) ]]; then
        echo "layering: $file: src/$mod may not include <$inc>"; status=1
      fi
      for pattern in "${!only_file[@]}"; do
        if [[ $inc =~ ^($pattern) ]] && ! [[ $file =~ /${only_file[$pattern]}$ ]]; then
          echo "layering: $file: <$inc> belongs in src/${only_file[$pattern]} only"; status=1
        fi
      done
    fi
  done < <(grep -rHn '#include' "$dir" --include='*.h' --include='*.cc' | sed -E 's/^([^:]+):[0-9]+:/\1:/')
done
[ $status -eq 0 ] && echo "layering: ok"
exit $status
