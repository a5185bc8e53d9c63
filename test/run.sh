#!/usr/bin/env bash
# `npm test`: build, type-check, lint, then every test. On Linux the tests get a real Secret Service: a private
# D-Bus session with gnome-keyring unlocked in a throw-away folder, so no test touches the person's own keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

npx electron-vite build --logLevel warn
npx tsc -b
npx biome check .

if [ "$(uname -s)" != Linux ]; then
  exec npx vitest run "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "npm test needs $tool for a real keychain: sudo apt-get install dbus gnome-keyring libsecret-1-dev" >&2
    exit 1
  fi
done
exec dbus-run-session -- bash test/with-keyring.sh npx vitest run "$@"
