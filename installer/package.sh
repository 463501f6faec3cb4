#!/usr/bin/env bash
# Builds a self-contained Backbeat for this Linux machine with the JDK's jpackage: a folder
# (target/installer/Backbeat/) holding its own Java runtime and a bin/Backbeat launcher, so users
# need no Java. Pass "deb" to build a .deb instead (needs Debian's fakeroot and dpkg-deb).
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
mvn -q -B package -DskipTests
rm -rf target/installer target/jpackage-input
mkdir -p target/jpackage-input
cp target/backbeat.jar target/jpackage-input/
version=$(grep -m1 -o '<version>[^<]*' pom.xml | head -1 | sed 's/<version>//; s/-.*//')
jpackage --type "$type" --dest target/installer --name Backbeat --app-version "$version" \
  --input target/jpackage-input --main-jar backbeat.jar --main-class dev.backbeat.app.Main \
  --java-options '--add-exports=java.desktop/com.sun.media.sound=ALL-UNNAMED' \
  --description "Scores videos with background music that fits them" \
  --vendor "Backbeat" $([ "$type" = app-image ] || echo --license-file LICENSE)
echo "Built in target/installer/"
