#!/usr/bin/env bash
# Builds the token EE into Sources/Shard/Resources/EEs/token.wasm, byte-for-byte reproducibly.
#
#   EEs/token/build.sh           build and install token.wasm, print its size and sha256
#   EEs/token/build.sh --check   build into a temporary directory and compare with the committed file;
#                                exits 1 if it differs or is missing
#
# Works from any working directory. Needs the Swift toolchain (swiftc, and the clang and wasm-ld beside it,
# with the Embedded wasm32 stdlib); uses wasm-validate (wabt) when it is installed.
# Same flags as EEs/build.sh: sources are passed as fixed paths relative to EEs/token/, Swift gets
# -disable-incremental-llvm-codegen (otherwise a .swift_modhash segment depends on the -o path), and the
# module is linked with --strip-all. EEs/build.sh may call this script.
set -euo pipefail

usage() { echo "usage: EEs/token/build.sh [--check]" >&2; exit 2; }
mode=build
case "${1:-}" in
    "") ;;
    --check) mode=check ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
esac
[ $# -le 1 ] || usage

token_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
installed="$token_dir/../../Sources/Shard/Resources/EEs/token.wasm"

swiftc_path="$(command -v swiftc || true)"
[ -n "$swiftc_path" ] || { echo "token/build.sh: swiftc not found on PATH" >&2; exit 1; }
toolchain="$(dirname "$(readlink -f "$swiftc_path")")"
for tool in swiftc clang wasm-ld; do
    [ -x "$toolchain/$tool" ] || { echo "token/build.sh: $toolchain/$tool not found (Swift toolchain)" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/token-ee.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$token_dir"

"$toolchain/clang" --target=wasm32 -nostdlib -O2 -c rt.c -o "$work/rt.o"
# swiftc leaves TemporaryDirectory.* behind in $TMPDIR: keep them inside $work, which is removed.
TMPDIR="$work" "$toolchain/swiftc" -target wasm32-unknown-none-wasm \
    -enable-experimental-feature Embedded -enable-experimental-feature Extern \
    -wmo -parse-as-library -O \
    -Xfrontend -disable-stack-protector -Xfrontend -disable-incremental-llvm-codegen \
    -module-name token Host.swift Witness.swift Transactions.swift TokenMain.swift -c -o "$work/token.o"
"$toolchain/wasm-ld" --no-entry -z stack-size=65536 --strip-all "$work/token.o" "$work/rt.o" -o "$work/token.wasm"
if command -v wasm-validate >/dev/null; then
    wasm-validate "$work/token.wasm" || { echo "token/build.sh: token.wasm does not validate" >&2; exit 1; }
fi

if [ "$mode" = build ]; then
    mkdir -p "$(dirname "$installed")"
    install -m 644 "$work/token.wasm" "$installed"
    echo "token.wasm: $(wc -c < "$installed") bytes, sha256 $(sha256sum < "$installed" | cut -d' ' -f1)"
    exit 0
fi

if [ ! -f "$installed" ]; then
    echo "EEs/token/build.sh --check: Sources/Shard/Resources/EEs/token.wasm is missing (run EEs/token/build.sh)" >&2
    exit 1
elif ! cmp -s "$work/token.wasm" "$installed"; then
    echo "EEs/token/build.sh --check: Sources/Shard/Resources/EEs/token.wasm differs from a fresh build of its" \
        "sources (committed sha256 $(sha256sum < "$installed" | cut -c1-16)…, rebuilt" \
        "$(sha256sum < "$work/token.wasm" | cut -c1-16)…); run EEs/token/build.sh and commit the result" >&2
    exit 1
fi
echo "EEs/token/build.sh --check: token.wasm matches its sources"
