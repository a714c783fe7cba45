#!/usr/bin/env bash
# Runs bpmnlint, the linter Camunda Modeler runs, with its recommended rules over bpmn/*.bpmn. Called by
# `mvn verify`. It uses the machine's Node.js (no tool downloads Node); bpmnlint comes from the npm registry,
# without a lock file (a lock file would record download addresses). Any problem, warning or error, fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  message="bpmnlint SKIPPED: Node.js and npm are not installed on this machine (apt-get install nodejs npm)."
  if [ "${CI:-}" = "true" ]; then
    echo "$message In CI this check must run." >&2
    exit 1
  fi
  echo "$message"
  exit 0
fi

version=11.15.0
tool=target/bpmnlint
if [ ! -x "$tool/node_modules/.bin/bpmnlint" ]; then
  mkdir -p "$tool"
  (cd "$tool" && npm install --no-package-lock --no-save --no-audit --no-fund --loglevel=error "bpmnlint@$version" >/dev/null)
fi

status=0
for model in bpmn/*.bpmn; do
  if ! output=$("$tool/node_modules/.bin/bpmnlint" "$model" 2>&1); then
    status=1
  fi
  if [ -n "$output" ]; then
    echo "$output"
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "bpmnlint found problems in bpmn/ (see above): fix them in Camunda Modeler." >&2
  exit 1
fi
echo "bpmnlint: bpmn/*.bpmn follow the recommended rules."
