#!/usr/bin/env bash
# Runs a command with gnome-keyring's Secret Service unlocked in a fresh folder (inside a dbus-run-session).
set -euo pipefail
keyrings=$(mktemp -d)
trap 'rm -rf "$keyrings"' EXIT
export XDG_DATA_HOME="$keyrings"
# The built CLI keeps compiled code in the cache folder: the tests' goes with the keyring, not into ~/.cache.
export XDG_CACHE_HOME="$keyrings/cache"
# The password only guards this throw-away keyring; --unlock reads it from standard input.
printf 'creditbar-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
