#!/usr/bin/env bash
# Installs the system packages shardsim needs on a fresh Debian machine (run as root, or with sudo available):
# libsecp256k1-dev (signature recovery), libsqlite3-dev (state providers), wabt (wat2wasm for the WAT EEs), and
# munge and slurm-wlm for the Slurm end-to-end test (scripts/slurm-local.sh starts its daemons itself, without
# systemd; the packages' own services are not needed).
set -euo pipefail
packages=(libsecp256k1-dev libsqlite3-dev wabt munge slurm-wlm)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
