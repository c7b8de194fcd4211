#!/usr/bin/env bash
# Installs the offline VS Code test harness: code-server 4.100.3 (VS Code 1.100.3, the last line that runs on Node 20)
# from the npm registry, without the postinstall steps that download binaries from elsewhere.
# See ../shared/notes/offline-vscode-tests.md. Idempotent: a finished install is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.vscode-test/code-server
marker="$dir/.installed-4.100.3"
if [ -f "$marker" ]; then exit 0; fi
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"code-server-harness","private":true}' > package.json
npm install --no-save --no-audit --no-fund --ignore-scripts code-server@4.100.3
npm rebuild argon2
cd node_modules/code-server/lib/vscode
npm install --omit=dev --no-audit --no-fund --ignore-scripts
ln -sfn node_modules node_modules.asar
cd extensions
npm install --omit=dev --no-audit --no-fund --ignore-scripts
cd ../../../../..
touch .installed-4.100.3
echo "code-server harness installed in $PWD"
