#!/usr/bin/env bash
# Sourced by .ci/run: make `node` on PATH 22.12 or newer. Electron 45 embeds Node 22 and its tools need 22.12;
# Node 20 reached end of life in April 2026, but a fresh Debian machine may still have it. When the system's Node
# is older, an official Node 22 build comes from the npm registry (the `node-linux-<arch>` package holds the
# release's bin/node and its headers) into a cache folder, and its bin/ goes first on PATH. node-gyp must then
# build keytar against those headers, not the system Node's (npm's `nodedir` may point at /usr).

node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)'
}

if ! node_is_recent; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "use-node: no Node 22 build for $(uname -m) on the npm registry; install Node 22.12+ yourself" >&2; exit 1 ;;
  esac
  cache="${CREDITBAR_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/creditbar-ci/node-linux-$arch}"
  if [ ! -x "$cache/bin/node" ]; then
    work=$(mktemp -d)
    # ^22.12: the newest Node 22 the registry serves, never an older minor than the floor.
    (cd "$work" && npm pack --silent "node-linux-$arch@^22.12" >/dev/null)
    mkdir -p "$cache.partial"
    tar -xzf "$work"/node-linux-"$arch"-*.tgz -C "$cache.partial" --strip-components=1
    rm -rf "$work" "$cache"
    mv "$cache.partial" "$cache"
  fi
  export PATH="$cache/bin:$PATH"
  export npm_config_nodedir="$cache"
  node_is_recent || { echo "use-node: $cache/bin/node is not Node 22.12+" >&2; exit 1; }
fi
echo "use-node: node $(node --version) from $(command -v node)"
