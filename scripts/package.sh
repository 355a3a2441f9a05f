#!/usr/bin/env bash
# The Debian package (debian/) and the PGXN zip, built and tested as users
# install them.  make matrix runs each step where it belongs: on this machine,
# in a root of each Debian release, in a bare Debian 12 root.  Each step
# prints "ok - ..." / "not ok - ..." lines and a closing "N passed, N failed"
# (the regression files of a pg_regress run count one each).  Needs root and
# apt: it installs what it needs from Debian's packages.
#
#   package.sh build SRC OUT        dpkg-buildpackage -us -uc -b in a copy of
#                                   SRC (SRC is left as it was); the .debs go
#                                   to OUT.  At build time the regression
#                                   suite runs against the built files
#                                   (debian/rules; DEB_BUILD_OPTIONS=nocheck
#                                   skips it).
#   package.sh installed SRC DEBDIR install the package of DEBDIR with apt, then
#                                   debian/tests/installcheck (autopkgtest's
#                                   test: pg_buildext installcheck) in a copy
#                                   of SRC against it; purge it after.
#   package.sh bare DEBDIR          on a machine with no compiler: install the
#                                   package with apt (PostgreSQL comes with
#                                   it), CREATE EXTENSION in a throwaway
#                                   cluster; remove everything after.
#   package.sh reset                in a root of make matrix: purge what was
#                                   installed after debootstrap
#   package.sh pgxn ZIP PGVER       pgxn install ZIP (pgxnclient), then
#                                   pgxn check ZIP (the suite) in a throwaway
#                                   cluster; pgxn uninstall after.
set -uo pipefail

passed=0
failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $*"; failed=$((failed + 1)); }
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

apt_install() {
	env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >/dev/null
}
apt_purge() {
	env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 purge -y -qq --autoremove "$@" >/dev/null
}
missing_of() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
	done
}
ensure() {
	local missing
	missing=$(missing_of "$@")
	[ -z "$missing" ] && return 0
	echo "== installing from Debian: $(echo $missing)"
	env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null 2>&1
	# shellcheck disable=SC2086
	apt_install $missing
}

# count a pg_regress log: 15 prints "test x ... ok", 16 and later "ok 1 - x"
count_regress() {
	local log=$1 what=$2 rc=$3 r_ok r_bad
	r_ok=$(grep -cE '^(test | +)?[a-z_0-9]+ +\.\.\. ok|^ok [0-9]+ ' "$log")
	r_bad=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ ' "$log")
	grep -E '\.\.\. FAILED|^not ok [0-9]+ ' "$log"
	passed=$((passed + r_ok))
	failed=$((failed + r_bad))
	if [ "$rc" -ne 0 ] && [ "$r_bad" -eq 0 ]; then
		tail -n 40 "$log"
		not_ok "$what: exit $rc"
	elif [ "$r_ok" -eq 0 ]; then
		tail -n 40 "$log"
		not_ok "$what: no regression file ran"
	else
		echo "== $what: $r_ok regression files passed, $r_bad failed"
	fi
}

# a copy of a source tree without the build products of an earlier make
copy_src() {
	rm -rf "$2"
	mkdir -p "$2"
	(cd "$1" && tar --exclude='*.o' --exclude='*.so' --exclude='*.bc' --exclude=./results \
		--exclude=./fuzz/build --exclude=./debian/.debhelper --exclude=./.git -cf - .) | tar -C "$2" -xf -
}

build() {
	local src=$1 out=$2 work log rc
	work=$(mktemp -d /tmp/ms-deb.XXXXXX)
	# the throwaway server of the build-time suite (user postgres) reads the
	# built files below it
	chmod 755 "$work"
	log=$work/build.log
	ensure build-essential debhelper postgresql-server-dev-all
	copy_src "$src" "$work/managed_services"
	mkdir -p "$out"
	# debian/control names the majors of Debian 12; pg_buildext rewrites it
	# (in the copy) for the majors this release supports
	(cd "$work/managed_services" && PG_UPDATECONTROL=yes dpkg-buildpackage -us -uc -b) >"$log" 2>&1
	rc=$?
	if [ "$rc" -ne 0 ]; then
		tail -n 60 "$log"
		not_ok "dpkg-buildpackage -us -uc -b: exit $rc (log: $log)"
		return
	fi
	mv "$work"/*.deb "$out"/
	ok "dpkg-buildpackage -us -uc -b: $(cd "$out" && ls -- *.deb | grep -v dbgsym | tr '\n' ' ')"
	case " ${DEB_BUILD_OPTIONS:-} " in
	*" nocheck "*) ;;
	*) count_regress "$log" "the regression suite at build time, against the built files" 0 ;;
	esac
	rm -rf "$work"
}

# the binary packages (no dbgsym) in a directory
debs_in() {
	ls "$1"/postgresql-*-managed-services_*.deb 2>/dev/null | grep -v dbgsym
}
pkg_of() {
	basename "$1" | cut -d_ -f1
}

installed() {
	local src=$1 debdir=$2 deb pkg work log rc
	deb=$(debs_in "$debdir" | head -n 1)
	[ -n "$deb" ] || { not_ok "no package in $debdir"; return; }
	pkg=$(pkg_of "$deb")
	if ! apt_install "$deb"; then
		not_ok "apt-get install $(basename "$deb")"
		return
	fi
	# every file of the package is the package's (make test's make install
	# may have put the same paths there before)
	if dpkg -V "$pkg" | grep . ; then
		not_ok "$pkg installed: dpkg -V finds changed files"
	else
		ok "$pkg installed with apt: $(dpkg-query -W -f='${Version}' "$pkg"), dpkg -V clean"
	fi
	# autopkgtest's test, in a copy of the source tree (it writes results/)
	work=$(mktemp -d /tmp/ms-autopkgtest.XXXXXX)
	chmod 755 "$work"
	copy_src "$src" "$work/src"
	ensure postgresql-server-dev-all make
	log=$work/installcheck.log
	(cd "$work/src" && sh debian/tests/installcheck) >"$log" 2>&1
	rc=$?
	count_regress "$log" "debian/tests/installcheck (pg_buildext installcheck) against the installed $pkg" "$rc"
	rm -rf "$work"
	apt_purge "$pkg" || not_ok "apt-get purge $pkg"
}

# what a compiler would be: none may be on the bare machine
compilers() {
	local c
	for c in cc gcc c99 clang; do command -v "$c"; done
	ls /usr/bin/*-gcc-[0-9]* /usr/bin/clang-[0-9]* 2>/dev/null
	true
}

bare() {
	local debdir=$1 deb pkg out extra
	deb=$(debs_in "$debdir" | head -n 1)
	[ -n "$deb" ] || { not_ok "no package in $debdir"; return; }
	pkg=$(pkg_of "$deb")
	env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null 2>&1
	if ! apt_install "$deb"; then
		not_ok "apt-get install $(basename "$deb") (with its dependencies from Debian)"
		return
	fi
	ok "apt-get install $(basename "$deb"): $(dpkg-query -W -f='${Depends}' "$pkg")"
	extra=$(compilers)
	if [ -n "$extra" ]; then not_ok "a compiler is installed: $(echo $extra)"; else ok "no compiler on this machine"; fi
	out=$(NONROOT=1 pg_virtualenv psql -XAt -v ON_ERROR_STOP=1 \
		-c 'CREATE EXTENSION managed_services' \
		-c "SELECT extversion FROM pg_extension WHERE extname = 'managed_services'" \
		-c "SELECT sla_elapsed(sla_window('mon-fri 09:00-17:00', 'UTC', '{}'), '2026-12-04 16:00+00', '2026-12-07 10:00+00')" 2>&1)
	if echo "$out" | grep -qx '02:00:00'; then
		ok "CREATE EXTENSION managed_services: version $(echo "$out" | grep -m1 -E '^[0-9]+\.[0-9]+\.[0-9]+$'), Friday 16:00 to Monday 10:00 is 02:00:00 of business time"
	else
		echo "$out"
		not_ok "CREATE EXTENSION managed_services and a query"
	fi
	apt_purge "$pkg" || not_ok "apt-get purge $pkg"
}

pgxn_step() {
	local zip=$1 pgver=$2 pgc work log rc
	pgc=/usr/lib/postgresql/$pgver/bin/pg_config
	ensure pgxnclient make gcc "postgresql-server-dev-$pgver"
	work=$(mktemp -d /tmp/ms-pgxn.XXXXXX)
	chmod 755 "$work"
	cp "$zip" "$work/"
	zip=$work/$(basename "$zip")
	log=$work/install.log
	if (cd "$work" && pgxn install --pg_config "$pgc" "$zip") >"$log" 2>&1; then
		ok "pgxn install $(basename "$zip") into PostgreSQL $pgver"
	else
		tail -n 30 "$log"
		not_ok "pgxn install $(basename "$zip")"
		rm -rf "$work"
		return
	fi
	log=$work/check.log
	(cd "$work" && NONROOT=1 pg_virtualenv -v "$pgver" pgxn check --pg_config "$pgc" "$zip") >"$log" 2>&1
	rc=$?
	count_regress "$log" "pgxn check $(basename "$zip") (the regression suite from the zip)" "$rc"
	(cd "$work" && pgxn uninstall --pg_config "$pgc" "$zip") >/dev/null 2>&1 || not_ok "pgxn uninstall"
	rm -rf "$work"
}

# put a root back as debootstrap made it: purge every package that is not in
# /.ms-baseline (make matrix writes it when it makes the root)
reset() {
	local extra
	[ -s /.ms-baseline ] || { not_ok "no /.ms-baseline: not a root of make matrix"; return; }
	extra=$(dpkg-query -W -f='${Package}\n' | sort | comm -13 <(sort /.ms-baseline) -)
	[ -z "$extra" ] && return
	# shellcheck disable=SC2086
	apt_purge $extra || not_ok "apt-get purge of what was added to the root"
}

case "${1:-}" in
reset) reset ;;
build) build "$2" "$3" ;;
installed) installed "$2" "$3" ;;
bare) bare "$2" ;;
pgxn) pgxn_step "$2" "$3" ;;
*)
	echo "usage: $0 build SRC OUT | installed SRC DEBDIR | bare DEBDIR | pgxn ZIP PGVER" >&2
	exit 2
	;;
esac
finish
