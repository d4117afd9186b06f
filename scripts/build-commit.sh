#!/bin/sh
# Writes OUTPUT_FILE, the Swift source that says which git commit shardsim is built from. Run by the BuildCommit
# plugin (Plugins/BuildCommit) whenever HEAD moves or a source changes; generated, never committed, never stale.
#
# Usage: scripts/build-commit.sh PACKAGE_DIR OUTPUT_FILE
#
# The commit is PACKAGE_DIR's HEAD when PACKAGE_DIR is the top of a git checkout, and "unknown" otherwise: a
# tarball without .git, git not installed, or a copy of the sources inside some other repository (whose commit
# would say nothing about these sources). "modified" is true when tracked files differ from that commit.
set -u
package=$1
output=$2

commit=unknown
modified=false
top=$(git -C "$package" rev-parse --show-toplevel 2>/dev/null) || top=
if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(cd "$package" && pwd -P)" ]; then
    if head=$(git -C "$package" rev-parse --verify --quiet HEAD 2>/dev/null); then
        commit=$head
        # --no-optional-locks: never take the index lock, so a build cannot collide with the user's own git.
        if ! git -C "$package" --no-optional-locks diff --quiet HEAD -- 2>/dev/null; then modified=true; fi
    fi
fi

mkdir -p "$(dirname "$output")"
temporary="$output.$$.tmp"
cat > "$temporary" <<SWIFT
// swift-format-ignore-file
// Generated at build time by scripts/build-commit.sh (plugin Plugins/BuildCommit); never committed.

/// The git commit this binary was built from.
package enum BuildCommit {
    /// The commit's full hash, or \`unknown\` when the sources were not a git checkout.
    package static let hash = "$commit"
    /// Whether tracked files differed from that commit when the binary was built.
    package static let sourcesModified = $modified
}
SWIFT
# Replace the file only when its text changed: a new modification time would recompile the target for nothing.
if cmp -s "$temporary" "$output"; then rm -f "$temporary"; else mv -f "$temporary" "$output"; fi
