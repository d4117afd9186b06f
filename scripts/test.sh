#!/usr/bin/env bash
# The test command of the README and of CI: installs what is missing, checks that the committed EE binaries are
# exactly what EEs/ builds and that the Swift sources are formatted as .swift-format says, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
EEs/build.sh --check
swift format lint --strict --recursive --parallel Package.swift Sources Tests
swift build --build-tests
swift test --skip-build
