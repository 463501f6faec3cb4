#!/bin/sh
# Builds do-nothing stand-ins for the system libraries that the bundled FFmpeg's libavdevice links
# against (PulseAudio, ALSA, XCB) but that analysis and mixing never call. FfmpegLocator copies a
# stand-in into its cache folder only when the real library is missing, so that a machine without
# those packages can still run ffmpeg. Each stub exports the functions libavdevice imports, under
# the same symbol versions, and every function returns 0 (a capture device would report an error).
#
# Usage: build-stubs.sh DIR_WITH_EXTRACTED_LIBAVDEVICE  (writes into src/main/resources/...)
set -eu
src=$1
out=$(dirname "$0")/../../resources/dev/backbeat/engine/media/stubs
mkdir -p "$out"
work=$(mktemp -d)
readelf --dyn-syms -W "$src"/libavdevice.so.* | awk '$7=="UND" {print $8}' > "$work/und"
stub() { # soname, symbol regex
  soname=$1; pattern=$2
  grep -E "$pattern" "$work/und" > "$work/syms" || true
  : > "$work/stub.c"; : > "$work/versions"
  while read -r sym; do
    name=${sym%%@*}
    echo "long $name(void) { return 0; }" >> "$work/stub.c"
    case $sym in *@*) ver=${sym#*@}; ver=${ver%% *}; echo "$ver $name" >> "$work/versions";; esac
  done < "$work/syms"
  if [ -s "$work/versions" ]; then
    for v in $(cut -d' ' -f1 "$work/versions" | sort -u); do
      printf '%s { global: %s; };\n' "$v" "$(awk -v v="$v" '$1==v {printf "%s; ", $2}' "$work/versions" | sed 's/; $//')"
    done > "$work/map"
    map="-Wl,--version-script=$work/map"
  else
    map=""
  fi
  gcc -shared -fPIC -O1 -s -nostdlib -o "$out/$soname" -Wl,-soname,"$soname" $map "$work/stub.c"
}
stub libpulse.so.0 '^pa_'
stub libasound.so.2 '^snd_'
stub libxcb-shm.so.0 '^xcb_shm_'
stub libxcb.so.1 '^xcb_[^s]|^xcb_s[^h]|^xcb_setup|^xcb_screen'
rm -rf "$work"
ls -la "$out"
