#!/usr/bin/env bash
# Fetches the reference recordings `bench music` compares our styles with: music packaged by
# Debian (free licences), downloaded with apt-get and unpacked with dpkg -x into a cache folder
# outside the repository. Nothing here is committed or shipped.
#   bash installer/reference-music.sh [CACHE_DIR]   (default ~/.cache/backbeat/reference-music)
set -euo pipefail
dir="${1:-${BACKBEAT_REFERENCE_MUSIC:-$HOME/.cache/backbeat/reference-music}}"
mkdir -p "$dir/debs" "$dir/tree"
# package → the kind of music it holds (what our styles are matched against)
packages=(
  "wesnoth-1.16-music orchestral"
  "hyperrogue-music ambient"
  "singularity-music electronic"
  "nexuiz-music rock"
  "planetblupi-music-ogg pop"
)
cd "$dir/debs"
for entry in "${packages[@]}"; do
  pkg="${entry%% *}"
  if ! ls "$pkg"_*.deb >/dev/null 2>&1; then
    apt-get download "$pkg"
  fi
  deb=$(ls "$pkg"_*.deb | head -n 1)
  mkdir -p "$dir/tree/$pkg"
  if [ ! -e "$dir/tree/$pkg/.unpacked" ]; then
    dpkg -x "$deb" "$dir/tree/$pkg"
    # Nexuiz keeps its music in a zip (.pk3)
    find "$dir/tree/$pkg" -name '*.pk3' -print0 | while IFS= read -r -d '' pk3; do
      mkdir -p "${pk3%.pk3}"
      python3 -m zipfile -e "$pk3" "${pk3%.pk3}/"
    done
    touch "$dir/tree/$pkg/.unpacked"
  fi
done
# the list bench music reads: kind<TAB>path, one recording a line
list="$dir/references.tsv"
: > "$list.tmp"
for entry in "${packages[@]}"; do
  pkg="${entry%% *}"
  kind="${entry##* }"
  # music only (HyperRogue's package also holds its sound effects)
  find "$dir/tree/$pkg" -type f -path '*/music/*' \( -name '*.ogg' -o -name '*.mp3' -o -name '*.flac' -o -name '*.wav' \) | sort \
    | while read -r f; do printf '%s\t%s\t%s\n' "$kind" "$pkg" "$f"; done >> "$list.tmp"
done
mv "$list.tmp" "$list"
echo "$(wc -l < "$list") reference recordings listed in $list"
