#!/usr/bin/env bash
# Builds a self-contained Backbeat for this Linux machine with the JDK's jlink and jpackage, so
# users need no Java:
#   bash installer/package.sh            target/installer/Backbeat/ (bin/Backbeat, its own runtime)
#   bash installer/package.sh deb        target/installer/backbeat_VERSION-1_amd64.deb
# Options: --no-build (use target/backbeat.jar as it is; the Maven build passes it), --smoke (run
# bin/Backbeat --help and version --tools from the image and fail if they fail).
# Needs a JDK 17 with jmods (Debian: openjdk-17-jdk); the deb also needs fakeroot and dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/.."
type=app-image build=1 smoke=0
for arg in "$@"; do
  case "$arg" in
    app-image|deb) type="$arg" ;;
    --no-build) build=0 ;;
    --smoke) smoke=1 ;;
    *) echo "package.sh: unknown argument '$arg' (use app-image|deb, --no-build, --smoke)" >&2; exit 2 ;;
  esac
done
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
for tool in jlink jpackage jdeps; do
  [ -x "$java_home/bin/$tool" ] || { echo "package.sh: $java_home/bin/$tool is missing: install a full JDK 17 (Debian: openjdk-17-jdk)" >&2; exit 1; }
done
[ "$build" = 0 ] || mvn -q -B -ntp package -DskipTests
[ -f target/backbeat.jar ] || { echo "package.sh: target/backbeat.jar is missing: run mvn package first" >&2; exit 1; }
version=$(grep -m1 -o '<version>[^<]*' pom.xml | sed 's/<version>//; s/-.*//')
out=target/installer
mkdir -p "$out"

# The runtime: the modules jdeps finds in the jar, plus those reached only at run time (the EC
# ciphers TLS to the cloud negotiates). Reused while the module list and the JDK stay the same.
modules="$("$java_home/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 target/backbeat.jar),jdk.crypto.ec"
key="$modules $("$java_home/bin/java" -version 2>&1 | tr '\n' ' ')"
runtime="$out/runtime"
if [ "$(cat "$runtime/.key" 2>/dev/null)" != "$key" ]; then
  rm -rf "$runtime"
  "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive --output "$runtime" > /dev/null
  # the archive for heaps over 32 GB: Backbeat never runs one, and it is 10 MB
  rm -f "$runtime/lib/server/classes_nocoops.jsa"
  echo "$key" > "$runtime/.key"
fi

# The app's files: the jar without the SoundFont, which lies beside it uncompressed (reading it
# from the jar inflates 54 MB on every start: 0.2 s of a first job).
input="$out/input"
rm -rf "$input" && mkdir -p "$input"
cp target/backbeat.jar "$input/"
soundfont=()
if command -v zip > /dev/null; then
  zip -q -d "$input/backbeat.jar" 'assets/soundfonts/*.sf2'
  cp assets/soundfonts/backbeat-gm.sf2 "$input/"
  soundfont=(--java-options '-Dbackbeat.soundfont=$APPDIR/backbeat-gm.sf2')
else
  echo "package.sh: zip is not installed, so the SoundFont stays inside the jar (starts 0.2 s slower)" >&2
fi

# JVM options: Gervill's renderer (the pom's gervill.exports); the class-data archive made below;
# C1 only: on two cores a first job is 20% quicker without C2's compiler threads (installer/README.md)
options=(--java-options '--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED'
  --java-options '-XX:SharedArchiveFile=$APPDIR/backbeat.jsa' --java-options '-XX:TieredStopAtLevel=1'
  "${soundfont[@]}")
image="$out/Backbeat"
rm -rf "$image"
"$java_home/bin/jpackage" --type app-image --dest "$out" --name Backbeat --app-version "$version" \
  --input "$input" --main-jar backbeat.jar --main-class dev.backbeat.app.Main --runtime-image "$runtime" \
  --icon assets/icon/backbeat.png --description "Scores videos with background music that fits them" \
  --vendor Backbeat "${options[@]}"
app="$image/lib/app"

# The classes a scoring job loads, listed by one short job, so they can be archived (CDS). The list
# is independent of the install path; the archive is not, so the deb makes it in its postinst.
bash installer/training-job.sh "$image/lib/runtime/bin/java" "$app" > "$app/backbeat.classlist"

if [ "$type" = app-image ]; then
  "$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/backbeat.classlist" \
    -XX:SharedArchiveFile="$(readlink -f "$app")/backbeat.jsa" -cp "$(readlink -f "$app")/backbeat.jar" > /dev/null
  if [ "$smoke" = 1 ]; then
    help=$("$image/bin/Backbeat" --help)
    grep -q '^Usage: backbeat' <<< "$help" || { echo "package.sh: bin/Backbeat --help printed: $help" >&2; exit 1; }
    "$image/bin/Backbeat" version --tools | grep -q '^ffmpeg: ' || { echo "package.sh: bin/Backbeat found no FFmpeg" >&2; exit 1; }
  fi
  echo "Built $image ($(du -sh "$image" | cut -f1))"
  exit 0
fi

associations=()
for f in installer/associations/*.properties; do associations+=(--file-associations "$f"); done
rm -f "$out"/backbeat_*.deb
"$java_home/bin/jpackage" --type deb --dest "$out" --app-image "$image" --name Backbeat --app-version "$version" \
  --linux-package-name backbeat --linux-deb-maintainer "Backbeat <backbeat@localhost>" \
  --linux-menu-group "AudioVideo;Video;" --linux-app-category video --linux-shortcut \
  --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1, util-linux" \
  --resource-dir installer/linux --icon assets/icon/backbeat.png "${associations[@]}" \
  --description "Scores videos with background music that fits them" --vendor Backbeat --license-file LICENSE
deb=$(ls "$out"/backbeat_*.deb)
echo "Built $deb ($(du -h "$deb" | cut -f1))"
