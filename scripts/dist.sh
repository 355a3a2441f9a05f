#!/usr/bin/env bash
# make dist: the PGXN release, managed_services-VERSION.zip, with one top
# directory managed_services-VERSION/ holding the files git tracks (as they are
# in the working tree).  The release metadata is checked first
# (scripts/versions.pl: META.json by the PGXN meta spec, one version in
# META.json, the control file, debian/changelog and the SQL scripts).
#   DIST_DIR  where the zip goes (default: the top of the tree)
set -euo pipefail
cd "$(dirname "$0")/.."
TREE=$(pwd)
version=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" managed_services.control)
name=managed_services-$version
out=${DIST_DIR:-$TREE}
mkdir -p "$out"
out=$(cd "$out" && pwd)

if ! perl scripts/versions.pl >/tmp/ms-dist-versions.$$ 2>&1; then
	grep -v '^ok ' /tmp/ms-dist-versions.$$ >&2
	rm -f /tmp/ms-dist-versions.$$
	echo "make dist: the release metadata does not agree (scripts/versions.pl)" >&2
	exit 1
fi
rm -f /tmp/ms-dist-versions.$$
git rev-parse --git-dir >/dev/null 2>&1 || { echo "make dist needs the git checkout (git ls-files)" >&2; exit 1; }
command -v zip >/dev/null 2>&1 || { echo "make dist needs zip (apt-get install zip)" >&2; exit 1; }

stage=$(mktemp -d /tmp/ms-dist.XXXXXX)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
git ls-files -z | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
	tar --null -T - -cf - | tar -C "$stage/$name" -xf -
rm -f "$out/$name.zip"
(cd "$stage" && zip -q -r -X "$out/$name.zip" "$name")
echo "$out/$name.zip"
