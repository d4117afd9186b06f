#!/usr/bin/env bash
# Builds every EE into Sources/Shard/Resources/EEs/NAME.wasm, byte-for-byte reproducibly.
#
#   EEs/build.sh           build and install the .wasm files
#   EEs/build.sh --check   build into a temporary directory and compare with the committed files;
#                          exits 1 naming every file that differs, is missing or is not built here
#
# An EE with a build of its own keeps it in EEs/NAME/build.sh, which must build NAME.wasm and accept
# --check the same way; this script runs each of them in the same mode.
#
# Works from any working directory. Needs the Swift toolchain (swiftc, clang, wasm-ld beside it, with the
# Embedded wasm32 stdlib) and wabt (wat2wasm, wasm-validate: `apt-get install -y wabt`).
# Reproducibility: sources are passed as fixed relative paths from EEs/, Swift gets
# -disable-incremental-llvm-codegen (otherwise a .swift_modhash segment depends on the -o path),
# and every module is linked with --strip-all.
set -euo pipefail

usage() { echo "usage: EEs/build.sh [--check]" >&2; exit 2; }
mode=build
case "${1:-}" in
    "") ;;
    --check) mode=check ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
esac
[ $# -le 1 ] || usage

ees_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
installed_dir="$ees_dir/../Sources/Shard/Resources/EEs"

swiftc_path="$(command -v swiftc || true)"
[ -n "$swiftc_path" ] || { echo "build.sh: swiftc not found on PATH" >&2; exit 1; }
toolchain="$(dirname "$(readlink -f "$swiftc_path")")"
for tool in swiftc clang wasm-ld; do
    [ -x "$toolchain/$tool" ] || { echo "build.sh: $toolchain/$tool not found (Swift toolchain)" >&2; exit 1; }
done
for tool in wat2wasm wasm-validate; do
    command -v "$tool" >/dev/null || { echo "build.sh: $tool not found: apt-get install -y wabt" >&2; exit 1; }
done
SWIFTC="$toolchain/swiftc"
CLANG="$toolchain/clang"
WASM_LD="$toolchain/wasm-ld"

work="$(mktemp -d "${TMPDIR:-/tmp}/ees.XXXXXX")"
trap 'rm -rf "$work"' EXIT
obj="$work/obj"
out="$work/out"
mkdir -p "$obj" "$out"
cd "$ees_dir"

# Embedded Swift EE: NAME SOURCES... (paths relative to EEs/); links the shared C runtime.
swift_ee() {
    local name="$1"
    shift
    # swiftc leaves TemporaryDirectory.* behind in $TMPDIR: keep them inside $work, which is removed.
    TMPDIR="$work" "$SWIFTC" -target wasm32-unknown-none-wasm \
        -enable-experimental-feature Embedded -enable-experimental-feature Extern \
        -wmo -parse-as-library -O \
        -Xfrontend -disable-stack-protector -Xfrontend -disable-incremental-llvm-codegen \
        -module-name "$name" "$@" -c -o "$obj/$name.o"
    "$WASM_LD" --no-entry -z stack-size=65536 --strip-all "$obj/$name.o" "$obj/rt.o" -o "$out/$name.wasm"
}

# C EE: NAME SOURCE (relative to EEs/); needs no runtime.
c_ee() {
    "$CLANG" --target=wasm32 -nostdlib -O2 -c "$2" -o "$obj/$1.o"
    "$WASM_LD" --no-entry -z stack-size=65536 --strip-all "$obj/$1.o" -o "$out/$1.wasm"
}

# WAT EE: NAME SOURCE (relative to EEs/).
wat_ee() {
    wat2wasm "$2" -o "$out/$1.wasm"
}

"$CLANG" --target=wasm32 -nostdlib -O2 -c runtime/rt.c -o "$obj/rt.o"

swift_ee sha256_chain swift/Host.swift sha256_chain/SHA256Chain.swift
swift_ee keccak_chain swift/Host.swift swift/Keccak.swift keccak_chain/KeccakChain.swift
swift_ee ecrecover swift/Host.swift ecrecover/ECRecover.swift
swift_ee fee_market token/Host.swift token/Witness.swift fee_market/FeeHost.swift fee_market/FeeMarketMain.swift
swift_ee ledger token/Host.swift ledger/LedgerMain.swift
swift_ee sparse token/Host.swift token/Transactions.swift sparse/SparseWitness.swift sparse/SparseMain.swift
swift_ee patricia token/Host.swift token/Transactions.swift patricia/Witness.swift patricia/PatriciaMain.swift
c_ee keccak_host keccak_host/keccak_host.c
c_ee bignum bignum/bignum.c
c_ee deposit deposit/deposit.c
c_ee secp256k1_field secp256k1_field/secp256k1_field.c
wat_ee helloworld helloworld/helloworld.wat
wat_ee start_function start_function/start_function.wat
wat_ee hostile_infinite_loop hostile/hostile_infinite_loop.wat
wat_ee hostile_memory_bomb hostile/hostile_memory_bomb.wat
wat_ee hostile_wild_pointer hostile/hostile_wild_pointer.wat
wat_ee hostile_stack_overflow hostile/hostile_stack_overflow.wat

for wasm in "$out"/*.wasm; do
    wasm-validate "$wasm" || { echo "build.sh: $(basename "$wasm") does not validate" >&2; exit 1; }
done

# EEs with their own build script (EEs/NAME/build.sh builds NAME.wasm).
delegated=()
for script in */build.sh; do
    [ -e "$script" ] || continue
    delegated+=("$(dirname "$script")")
done

if [ "$mode" = build ]; then
    mkdir -p "$installed_dir"
    for wasm in "$out"/*.wasm; do
        install -m 644 "$wasm" "$installed_dir/"
    done
    for name in "${delegated[@]}"; do
        "./$name/build.sh" >/dev/null
    done
    (cd "$installed_dir" && sha256sum -- *.wasm)
    exit 0
fi

status=0
for name in "${delegated[@]}"; do
    "./$name/build.sh" --check >/dev/null || status=1
    : >"$out/$name.wasm.delegated"
done
for wasm in "$out"/*.wasm; do
    name="$(basename "$wasm")"
    committed="$installed_dir/$name"
    if [ ! -f "$committed" ]; then
        echo "EEs/build.sh --check: Sources/Shard/Resources/EEs/$name is missing (run EEs/build.sh)" >&2
        status=1
    elif ! cmp -s "$wasm" "$committed"; then
        echo "EEs/build.sh --check: Sources/Shard/Resources/EEs/$name differs from a fresh build of its sources" \
            "(committed sha256 $(sha256sum < "$committed" | cut -c1-16)…, rebuilt $(sha256sum < "$wasm" | cut -c1-16)…);" \
            "run EEs/build.sh and commit the result" >&2
        status=1
    fi
done
for committed in "$installed_dir"/*.wasm; do
    [ -e "$committed" ] || continue
    name="$(basename "$committed")"
    if [ ! -f "$out/$name" ] && [ ! -f "$out/$name.delegated" ]; then
        echo "EEs/build.sh --check: Sources/Shard/Resources/EEs/$name is not built by EEs/build.sh (stale file?)" >&2
        status=1
    fi
done
if [ "$status" -eq 0 ]; then
    echo "EEs/build.sh --check: all $(ls "$out" | wc -l) EEs match their sources"
fi
exit "$status"
