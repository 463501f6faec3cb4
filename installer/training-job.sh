#!/usr/bin/env bash
# Prints the class list of one short scoring job (a 5-s generated clip) run by JAVA from the app
# folder APP: the classes the CDS archive should hold so a first job starts without loading them.
# Usage: training-job.sh JAVA APP > backbeat.classlist
set -euo pipefail
java="$1" app="$2"
work=$(mktemp -d "${TMPDIR:-/tmp}/backbeat-training-XXXXXX")
trap 'rm -rf "$work"' EXIT
run=("$java" --add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED -XX:TieredStopAtLevel=1 -cp "$app/backbeat.jar")
[ -f "$app/backbeat-gm.sf2" ] && run+=("-Dbackbeat.soundfont=$app/backbeat-gm.sf2")
ffmpeg=$("${run[@]}" dev.backbeat.app.Main version --tools | sed -n 's/^ffmpeg: //p')
LD_LIBRARY_PATH="$(dirname "$ffmpeg")" "$ffmpeg" -nostdin -loglevel error -f lavfi -i "testsrc2=s=640x360:r=30:d=5" \
  -f lavfi -i "sine=f=220:d=5" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest "$work/clip.mp4"
"${run[@]}" -XX:DumpLoadedClassList="$work/classlist" dev.backbeat.app.Main score "$work/clip.mp4" \
  -o "$work/scored.mp4" > /dev/null
cat "$work/classlist"
