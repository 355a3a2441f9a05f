#!/usr/bin/env bash
# Makes a private, relocated copy of the system's PostgreSQL under DIR, for
# MS_PGPREFIX=DIR/usr make test: several checkouts on one machine can then
# build, install and test at once without overwriting each other's build.
# PostgreSQL finds its share/ and lib/ relative to its binaries, so a copy of
# the three trees works as it is.
set -euo pipefail
PGVER=${PGVER:-15}
dir=${1:?usage: $0 DIR}
p=$dir/usr
mkdir -p "$p/lib/postgresql" "$p/share/postgresql" "$p/include/postgresql"
cp -a "/usr/lib/postgresql/$PGVER" "$p/lib/postgresql/"
cp -a "/usr/share/postgresql/$PGVER" "$p/share/postgresql/"
cp -a "/usr/include/postgresql/$PGVER" "$p/include/postgresql/"
echo "MS_PGPREFIX=$p"
