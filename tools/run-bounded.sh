#!/usr/bin/env bash
# Runs the packaged app (mvn package) with the memory limits of the Dockerfile (README, "Geheugen"), for a machine
# without Docker; extra arguments go to the app (for example --spring.profiles.active=postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
options=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\(.*\)"$/\1/p' Dockerfile)
jar=$(ls target/werkpact-keurmerk-*.jar | grep -v original | head -1)
exec env JAVA_TOOL_OPTIONS="$options" java -jar "$jar" "$@"
