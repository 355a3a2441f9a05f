#!/usr/bin/env bash
# make matrix: the whole suite (`make test`) on every supported PostgreSQL
# major, each on the Debian release that ships it, and one closing line.
#
#   15  Debian 12 (bookworm)    17  Debian 13 (trixie)    18  Debian unstable (sid)
#
# The major this machine's Debian release ships is tested here, by `make
# test` itself.  Each other one is tested inside a root of its Debian release
# made with debootstrap from the mirror apt already uses, and cached between
# runs ($MATRIX_CACHE): a clean copy of the tree goes into the root and `make
# test` runs there as on a fresh machine of that release, installing what it
# needs with apt.  Then a dump of the sample database taken here, on this
# machine's major, is restored into each newer major with that major's
# pg_dump (as pg_upgrade users do), and the same queries must give the same
# results.
#
# Then the packages (scripts/package.sh): the Debian package of each major is
# built with dpkg-buildpackage (debian/, pg_buildext) where that major's
# make test ran, installed with apt, and the regression suite runs against the
# installed package (debian/tests/installcheck, autopkgtest's test), in a root
# (never on this machine: its PostgreSQL is shared); 15's is built here.  A bare
# Debian 12 root (debootstrap minbase, no compiler, cached as bookworm-bare)
# installs 15's package with PostgreSQL from apt and runs CREATE EXTENSION, and
# is put back as it was after.  The PGXN zip (make dist) is installed with
# pgxnclient in the trixie root and its suite run there (pgxn check).
#
# A version that cannot be tested (no root, no apt) counts as failed, with the
# reason; none is skipped.
#
#   MATRIX_VERSIONS  the majors to test (default: all supported, 15 17 18)
#   MATRIX_CACHE     where the roots are kept (default /var/cache/managed_services/matrix)
#   MATRIX_MIRROR    the Debian mirror (default: the one in apt's sources)
set -uo pipefail
cd "$(dirname "$0")/.."
TREE=$(pwd)

VERSIONS=${MATRIX_VERSIONS:-15 17 18}
CACHE=${MATRIX_CACHE:-/var/cache/managed_services/matrix}
# $MS_MATRIX_LOGS: the logs of every run, kept after the run
LOGS=${MS_MATRIX_LOGS:-$(mktemp -d /tmp/ms-matrix.XXXXXX)}
mkdir -p "$LOGS"

suite_of() {
	case "$1" in
	15) echo bookworm ;;
	17) echo trixie ;;
	18) echo sid ;;
	*) return 1 ;;
	esac
}
release_of() {
	case "$1" in
	bookworm) echo "Debian 12" ;;
	trixie) echo "Debian 13" ;;
	sid) echo "Debian unstable" ;;
	esac
}

if [ "$(id -u)" != 0 ]; then
	echo "make matrix makes Debian roots with debootstrap and chroot: run it as root" >&2
	echo "0 passed, 1 failed"
	exit 1
fi

host_codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
# Debian unstable calls itself after the next release (forky) in os-release
# until it is released; "sid" is what its apt sources say
if grep -qsE '^(Suites:.*\bsid\b|deb .* sid )' /etc/apt/sources.list /etc/apt/sources.list.d/*; then
	host_codename=sid
fi

mirror=${MATRIX_MIRROR:-$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
	/etc/apt/sources.list.d/*.sources | grep -v security | grep -oE '(https?|file)://[^ ]*/debian/?' | head -n 1)}
mirror=${mirror:-http://deb.debian.org/debian}
# the security archive apt already uses, for the bare Debian 12 root
security=${MATRIX_SECURITY_MIRROR:-$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
	/etc/apt/sources.list.d/*.sources | grep -oE '(https?|file)://[^ ]*debian-security/?' | head -n 1)}

as_root_apt() { env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }

ensure_debootstrap() {
	command -v debootstrap >/dev/null 2>&1 && return 0
	echo "== installing from Debian: debootstrap"
	as_root_apt update -qq >/dev/null && as_root_apt install -y -qq --no-install-recommends debootstrap >/dev/null
}

# make (or reuse) the root of a Debian release; prints nothing on success.
# bookworm-bare: Debian 12 as debootstrap makes it, nothing added (its
# packages are listed in /.ms-baseline, what scripts/package.sh reset keeps)
make_root() {
	local suite=$1 dir=$CACHE/$1 release=$1 extra="make git ca-certificates"
	if [ "$suite" = bookworm-bare ]; then release=bookworm extra=; fi
	if [ -f "$dir/.ms-root" ]; then
		return 0
	fi
	ensure_debootstrap || { echo "debootstrap could not be installed"; return 1; }
	mkdir -p "$CACHE"
	rm -rf "$dir.new"
	echo "== making a $suite root in $dir (debootstrap from $mirror)" >&2
	if ! debootstrap --variant=minbase "$release" "$dir.new" "$mirror" >"$LOGS/debootstrap-$suite.log" 2>&1; then
		tail -n 5 "$LOGS/debootstrap-$suite.log" >&2
		echo "debootstrap $suite from $mirror failed (log: $LOGS/debootstrap-$suite.log)"
		return 1
	fi
	# Debian unstable's Release files on a frozen mirror are past their
	# Valid-Until date; the packages are still signed and checked
	if [ "$suite" = sid ]; then
		echo 'Acquire::Check-Valid-Until "false";' >"$dir.new/etc/apt/apt.conf.d/99ms-valid-until"
	fi
	# a Debian 12 as installed: its point-release and security updates too
	# (a package built on an updated Debian 12 depends on its minor version)
	if [ "$suite" = bookworm-bare ]; then
		printf 'deb %s bookworm main\ndeb %s bookworm-updates main\n' "$mirror" "$mirror" >"$dir.new/etc/apt/sources.list"
		[ -z "$security" ] || printf 'deb %s bookworm-security main\n' "$security" >>"$dir.new/etc/apt/sources.list"
	fi
	# a package's maintainer scripts start no service in the root, and the
	# server packages make no cluster of their own: make test makes its own
	printf '#!/bin/sh\nexit 101\n' >"$dir.new/usr/sbin/policy-rc.d"
	chmod 755 "$dir.new/usr/sbin/policy-rc.d"
	mkdir -p "$dir.new/etc/postgresql-common"
	echo 'create_main_cluster = false' >"$dir.new/etc/postgresql-common/createcluster.conf"
	# what a user has before typing `make test`: make (and git, to clone)
	if ! in_root "$dir.new" bash -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && { [ -z "$1" ] || apt-get install -y -qq --no-install-recommends $1; }' _ "$extra" \
		>"$LOGS/root-$suite.log" 2>&1; then
		tail -n 5 "$LOGS/root-$suite.log" >&2
		echo "apt-get in the new $suite root failed (log: $LOGS/root-$suite.log)"
		return 1
	fi
	in_root "$dir.new" dpkg-query -W -f='${Package}\n' >"$dir.new/.ms-baseline"
	touch "$dir.new/.ms-root"
	mv "$dir.new" "$dir"
}

# run a command as root inside a root, in a mount namespace of its own (the
# mounts go away with it): /proc, /dev, a tmpfs on /dev/shm for the server's
# shared memory, and the host's name resolution
in_root() {
	local dir=$1
	shift
	cp -L /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
	unshare --mount --propagation private -- bash -c '
		set -e
		r=$1; shift
		mount -t proc proc "$r/proc"
		mount --rbind /dev "$r/dev"
		mount -t tmpfs -o mode=1777 shm "$r/dev/shm"
		mount -t tmpfs -o mode=1777 tmp "$r/tmp"
		exec chroot "$r" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
			HOME=/root LANG=C.UTF-8 TERM=dumb CI="${CI:-}" "$@"' _ "$dir" "$@"
}

# nothing started in a root outlives its run (a server whose make test was
# interrupted, say): stop every process whose root directory is the root's
stop_leftovers() {
	local dir p n=0
	dir=$(cd "$1" && pwd -P)
	for p in /proc/[0-9]*; do
		[ "$(readlink "$p/root" 2>/dev/null)" = "$dir" ] || continue
		kill -KILL "${p#/proc/}" 2>/dev/null && n=$((n + 1))
	done
	[ "$n" -eq 0 ] || echo "== stopped $n processes left running in $dir"
}

# a clean copy of the tree (what git tracks, and new files it does not ignore)
copy_tree() {
	local dest=$1
	rm -rf "$dest"
	mkdir -p "$dest"
	if git -C "$TREE" rev-parse --git-dir >/dev/null 2>&1; then
		(cd "$TREE" && git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
			tar --null -T - -cf -) | tar -C "$dest" -xf -
	else
		(cd "$TREE" && tar --exclude=./fuzz/build --exclude='*.o' --exclude='*.so' -cf - .) | tar -C "$dest" -xf -
	fi
}

summary_of() {
	# the closing "N passed, N failed" line of a log
	grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1
}

declare -A PASSED FAILED WHERE NOTE SECS
ROWS=()
total_passed=0
total_failed=0

record() {
	local v=$1 log=$2 rc=$3 where=$4 start=$5 why=${6:-}
	local line p=0 f=0
	line=$(summary_of "$log")
	if [ -n "$line" ]; then
		p=${line%% passed*}
		f=${line#*passed, }
		f=${f%% failed*}
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		why=${why:-"exit $rc without a failed test"}
	fi
	ROWS+=("$v")
	PASSED[$v]=$p
	FAILED[$v]=$f
	WHERE[$v]=$where
	NOTE[$v]=$why
	SECS[$v]=$(($(date +%s) - start))
	total_passed=$((total_passed + p))
	total_failed=$((total_failed + f))
}

# run scripts/package.sh STEP ... in a root, as one row of the table
package_step() {
	local row=$1 where=$2 dir=$3 start
	shift 3
	start=$(date +%s)
	in_root "$dir" "$@" 2>&1 | tee "$LOGS/$row.log"
	local rc=${PIPESTATUS[0]}
	stop_leftovers "$dir"
	# one closing line for the step: the sum of its scripts' lines
	grep -E '^[0-9]+ passed, [0-9]+ failed$' "$LOGS/$row.log" |
		awk '{ p += $1; f += $3 } END { print p + 0 " passed, " f + 0 " failed" }' >>"$LOGS/$row.log"
	record "${row//-/ }" "$LOGS/$row.log" "$rc" "$where" "$start"
}

# the packages of a major in the root where its make test ran: build the
# .deb there (the suite then runs against the installed package, not at
# build time), install it, test it; in the trixie root also the PGXN zip
root_packages() {
	local v=$1 suite=$2 dir=$CACHE/$2
	echo
	echo "== PostgreSQL $v in the $suite root: the Debian package, built, installed with apt, tested"
	rm -rf "$dir/build/debs"
	package_step "$v-package" "$suite root" "$dir" bash -c 'cd /build/managed_services &&
		DEB_BUILD_OPTIONS=nocheck bash scripts/package.sh build /build/managed_services /build/debs &&
		bash scripts/package.sh installed /build/managed_services /build/debs'
	mkdir -p "$DEBS/$v"
	cp "$dir"/build/debs/*.deb "$DEBS/$v/" 2>/dev/null
	if [ "$suite" = trixie ]; then
		echo
		echo "== PostgreSQL $v in the $suite root: pgxn install and pgxn check of the PGXN zip"
		rm -rf "$dir/build/dist"
		mkdir -p "$dir/build/dist"
		[ -n "$zip" ] && cp "$zip" "$dir/build/dist/"
		package_step "$v-pgxn" "$suite root" "$dir" bash -c 'cd /build/managed_services &&
			bash scripts/package.sh pgxn "$(ls /build/dist/*.zip)" '"$v"
	fi
}

# 15's package on a Debian 12 with no compiler: apt-get install, CREATE
# EXTENSION; then (when it was built on this machine) the suite against it,
# which brings postgresql-server-dev-all; then the root is put back as made
bare_root() {
	local dir=$CACHE/bookworm-bare start why
	[ -d "$DEBS/15" ] || case " $VERSIONS " in *" 15 "*) ;; *) return ;; esac
	echo
	echo "== PostgreSQL 15 in a bare Debian 12 root (bookworm-bare, no compiler): apt-get install of the package, CREATE EXTENSION"
	start=$(date +%s)
	if ! why=$(make_root bookworm-bare); then
		echo "not ok - no bookworm-bare root: $why" | tee "$LOGS/15-bare.log"
		record "15 bare" "$LOGS/15-bare.log" 1 "bookworm-bare" "$start" "no root: $why"
		return
	fi
	copy_tree "$dir/build/managed_services"
	rm -rf "$dir/build/debs"
	mkdir -p "$dir/build/debs"
	cp "$DEBS"/15/*.deb "$dir/build/debs/" 2>/dev/null
	local installed=
	[ "$host_ver" = 15 ] && installed='&& bash scripts/package.sh installed /build/managed_services /build/debs'
	package_step 15-bare bookworm-bare "$dir" bash -c "cd /build/managed_services &&
		bash scripts/package.sh reset && bash scripts/package.sh bare /build/debs $installed;
		rc=\$?; bash scripts/package.sh reset; exit \$rc"
}

host_ver=
root_vers=()
for v in $VERSIONS; do
	if ! suite_of "$v" >/dev/null; then
		echo "== PostgreSQL $v is not supported (15, 17, 18)"
		PASSED[$v]=0 FAILED[$v]=1 WHERE[$v]=- NOTE[$v]="not a supported major" SECS[$v]=0
		ROWS+=("$v")
		total_failed=$((total_failed + 1))
		continue
	fi
	if [ "$(suite_of "$v")" = "$host_codename" ]; then host_ver=$v; else root_vers+=("$v"); fi
done

# --- this machine's own major: make test ------------------------------------
if [ -n "$host_ver" ]; then
	echo "== PostgreSQL $host_ver on this machine ($(release_of "$host_codename")): make test"
	start=$(date +%s)
	PGVER=$host_ver make -s test 2>&1 | tee "$LOGS/test-$host_ver.log"
	rc=${PIPESTATUS[0]}
	record "$host_ver" "$LOGS/test-$host_ver.log" "$rc" "this machine" "$start"
fi

# --- the Debian package of this machine's major, and the PGXN zip ------------
DEBS=$LOGS/debs
if [ -n "$host_ver" ]; then
	echo
	echo "== PostgreSQL $host_ver on this machine: the Debian package (dpkg-buildpackage; installed and tested in a root)"
	start=$(date +%s)
	copy_tree "$LOGS/deb-src"
	bash scripts/package.sh build "$LOGS/deb-src" "$DEBS/$host_ver" 2>&1 | tee "$LOGS/deb-$host_ver.log"
	record "$host_ver package" "$LOGS/deb-$host_ver.log" "${PIPESTATUS[0]}" "this machine" "$start"
	rm -rf "$LOGS/deb-src"
fi
echo
echo "== make dist: the PGXN zip"
DIST=$LOGS/dist
if ! zip=$(DIST_DIR=$DIST bash scripts/dist.sh 2>"$LOGS/dist.log"); then
	cat "$LOGS/dist.log"
	zip=
fi
echo "${zip:-no zip}"

# --- the others, each in its Debian root --------------------------------------
# The dump source: the sample database on this machine's major, in a cluster
# that stays up while the roots run (they reach it on localhost; a root shares
# the machine's network).
dump_from=
source_pid=
if [ -n "$host_ver" ] && [ ${#root_vers[@]} -gt 0 ]; then
	ready=$LOGS/dump-source.ready
	rm -f "$ready"
	PGVER=$host_ver MS_READY=$ready bash scripts/ms.sh dump-source >"$LOGS/dump-source.log" 2>&1 &
	source_pid=$!
	for _ in $(seq 1 600); do
		[ -s "$ready" ] && break
		kill -0 "$source_pid" 2>/dev/null || break
		sleep 1
	done
	if [ -s "$ready" ]; then
		dump_from=$(cat "$ready")
	else
		echo "== the dump source on PostgreSQL $host_ver did not start:"
		tail -n 20 "$LOGS/dump-source.log"
	fi
fi

for v in "${root_vers[@]}"; do
	suite=$(suite_of "$v")
	start=$(date +%s)
	echo
	echo "== PostgreSQL $v in a $(release_of "$suite") root ($suite): make test"
	log=$LOGS/test-$v.log
	if ! why=$(make_root "$suite"); then
		echo "not ok - no $suite root: $why" | tee "$log"
		record "$v" "$log" 1 "$suite root" "$start" "no root: $why"
		continue
	fi
	copy_tree "$CACHE/$suite/build/managed_services"
	in_root "$CACHE/$suite" env MS_DUMP_FROM="$dump_from" \
		bash -c 'cd /build/managed_services && make -s test' 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	stop_leftovers "$CACHE/$suite"
	why=
	# make test picks the major the release ships: it must be the one meant
	if ! grep -q "^== building against PostgreSQL .* $v\." "$log"; then
		why="make test in the $suite root did not build against PostgreSQL $v"
		rc=1
		echo "not ok - $why" | tee -a "$log"
		echo "0 passed, 1 failed" >>"$log"
	fi
	record "$v" "$log" "$rc" "$suite root" "$start" "$why"
	if [ -n "$host_ver" ] && [ -z "$dump_from" ]; then
		echo "not ok - no dump source on PostgreSQL $host_ver to restore on $v"
		FAILED[$v]=$((FAILED[$v] + 1))
		total_failed=$((total_failed + 1))
	fi
	root_packages "$v" "$suite"
done

if [ -n "$source_pid" ]; then
	rm -f "$ready"
	wait "$source_pid" 2>/dev/null
fi

bare_root

# --- one table, one closing line --------------------------------------------
echo
echo "== make matrix: logs in $LOGS"
printf '%-12s  %-16s  %7s  %7s  %6s  %s\n' PostgreSQL where passed failed time note
for v in "${ROWS[@]}"; do
	printf '%-12s  %-16s  %7s  %7s  %5ss  %s\n' "$v" "${WHERE[$v]}" "${PASSED[$v]}" "${FAILED[$v]}" "${SECS[$v]}" "${NOTE[$v]}"
done
echo
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
