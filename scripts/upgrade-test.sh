#!/usr/bin/env bash
# The upgrade test (issue 11, item 5), against the cluster in PGHOST/PGPORT
# with the current build installed, from every released version (each frozen
# install script in src/updates/): install it from its frozen script,
# build the user's objects over its types and aggregates
# (scripts/upgrade-objects.sql), ALTER EXTENSION managed_services UPDATE, and
# compare with a fresh CREATE EXTENSION of the new version in another
# database: the extension's catalog entries (scripts/upgrade-catalog.sql),
# pg_dump -s of the extension's objects, the user's objects, and query
# results (scripts/upgrade-queries.sql).  Prints TAP lines ("ok N - ...");
# run-tests.sh counts them.
set -uo pipefail
cd "$(dirname "$0")/.."
PG_CONFIG=${PG_CONFIG:-pg_config}

NEW=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" managed_services.control)
# the released versions: every frozen install script but the current one's
OLDS=$(ls src/updates/ | sed -n 's/^managed_services--\([0-9.]*\)\.sql$/\1/p' | grep -vx "$NEW" | sort -V)
B=ms_upgrade_fresh
tmp=$(mktemp -d /tmp/ms-upgrade.XXXXXX)
n=0
failed=0

check() {
	local desc=$1
	shift
	n=$((n + 1))
	if "$@" >"$tmp/out" 2>&1; then
		echo "ok $n - $desc"
		# the figures a check prints ("N catalog lines") as comments
		grep -E '^[0-9]+ [a-zA-Z]' "$tmp/out" | sed 's/^/#   /'
	else
		failed=$((failed + 1))
		echo "not ok $n - $desc"
		head -n 60 "$tmp/out" | sed 's/^/# /'
	fi
}

q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
val() { psql -X -qAt -v ON_ERROR_STOP=1 "$@"; }

# the schema of the extension's members as pg_dump writes them for
# pg_upgrade (the only mode that dumps an extension's members one by one),
# without what depends on the order they were made in: OIDs and the random
# \restrict key of pg_dump 17.6+
dump_members() {
	pg_dump -s --binary-upgrade -N app -d "$1" |
		grep -vE 'binary_upgrade_set_next_|^\\(un)?restrict ' >"$2"
}

from_version() {
	local OLD=$1 A
	A=ms_upgrade_from_$(echo "$OLD" | tr . _)
	for db in "$A" "$B"; do dropdb --if-exists "$db" >/dev/null 2>&1; done
	createdb "$A" && createdb "$B" || { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - create the databases"; return; }

	install_old() {
		q -d "$A" -c "CREATE EXTENSION managed_services VERSION '$OLD'" &&
			[ "$(val -d "$A" -c "SELECT extversion FROM pg_extension WHERE extname = 'managed_services'")" = "$OLD" ]
	}
	check "$OLD installs from its frozen script (CREATE EXTENSION ... VERSION '$OLD')" install_old

	# Both versions use the one module: every C function the old script declares
	# must still be there, with its info function.
	old_symbols() {
		local so missing=0 f
		so="$("$PG_CONFIG" --pkglibdir)/managed_services.so"
		nm -D --defined-only "$so" | awk '{print $3}' | sort -u >"$tmp/symbols"
		val -d "$A" -c "SELECT DISTINCT p.prosrc FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
			WHERE l.lanname = 'c' AND p.probin = '\$libdir/managed_services' ORDER BY 1" >"$tmp/c_functions"
		echo "$(wc -l <"$tmp/c_functions") C functions in $OLD"
		[ -s "$tmp/c_functions" ] || return 1
		while read -r f; do
			grep -qx "$f" "$tmp/symbols" && grep -qx "pg_finfo_$f" "$tmp/symbols" || { echo "missing: $f"; missing=1; }
		done <"$tmp/c_functions"
		return $missing
	}
	if command -v nm >/dev/null 2>&1; then
		check "every C function of $OLD's script is in the module" old_symbols
	else
		n=$((n + 1)); echo "ok $n - # SKIP nm not found: the C functions of $OLD are checked by its install only"
	fi

	check "the user's objects over $OLD: columns, btree and hash indexes, views, a materialized view" \
		q -d "$A" -f scripts/upgrade-objects.sql

	# what changes with the update: functions that were STRICT read NULL pauses
	# and NULL holidays as none
	NULL_ARGS="SELECT sla_elapsed('24x7', '2026-01-01 00:00+00', '2026-01-02 00:00+00', NULL) IS NULL,
		sla_deadline('24x7', '2026-01-01 00:00+00', '1 hour', NULL) IS NULL,
		sla_with_holidays('24x7', NULL) IS NULL"
	null_args_before() { [ "$(val -d "$A" -c "$NULL_ARGS")" = "t|t|t" ]; }
	[ "$OLD" = 0.1.0 ] && check "$OLD: NULL pauses or holidays give NULL (STRICT)" null_args_before

	pg_dump -s -n app -d "$A" | grep -vE '^\\(un)?restrict ' >"$tmp/app-before.sql"
	q -d "$A" -f scripts/upgrade-queries.sql >"$tmp/queries-before.out" 2>&1

	update() {
		q -d "$A" -c 'ALTER EXTENSION managed_services UPDATE' &&
			[ "$(val -d "$A" -c "SELECT extversion FROM pg_extension WHERE extname = 'managed_services'")" = "$NEW" ]
	}
	check "ALTER EXTENSION managed_services UPDATE: $OLD to $NEW, the user's objects in place" update

	check "fresh CREATE EXTENSION managed_services ($NEW) and the same user's objects" \
		bash -c "psql -X -q -v ON_ERROR_STOP=1 -d $B -c 'CREATE EXTENSION managed_services' &&
			psql -X -q -v ON_ERROR_STOP=1 -d $B -f scripts/upgrade-objects.sql"

	catalogs() {
		q -d "$A" -f scripts/upgrade-catalog.sql >"$tmp/catalog-updated" &&
			q -d "$B" -f scripts/upgrade-catalog.sql >"$tmp/catalog-fresh" || return 1
		echo "$(wc -l <"$tmp/catalog-fresh") catalog lines"
		diff -u "$tmp/catalog-fresh" "$tmp/catalog-updated"
	}
	check "catalog entries of every member (functions, aggregates, types, operators, opclasses, casts, comments) equal a fresh install" catalogs

	dumps() {
		dump_members "$A" "$tmp/members-updated" && dump_members "$B" "$tmp/members-fresh" || return 1
		echo "$(grep -c 'ALTER EXTENSION managed_services ADD' "$tmp/members-fresh") members dumped"
		diff -u "$tmp/members-fresh" "$tmp/members-updated"
	}
	check "pg_dump -s --binary-upgrade of the extension's objects equals a fresh install" dumps

	app_schema() {
		pg_dump -s -n app -d "$A" | grep -vE '^\\(un)?restrict ' >"$tmp/app-after.sql" &&
			pg_dump -s -n app -d "$B" | grep -vE '^\\(un)?restrict ' >"$tmp/app-fresh.sql" || return 1
		diff -u "$tmp/app-before.sql" "$tmp/app-after.sql" && diff -u "$tmp/app-fresh.sql" "$tmp/app-after.sql"
	}
	check "pg_dump -s of the user's objects: unchanged by the update, equal to the fresh install's" app_schema

	queries() {
		q -d "$A" -f scripts/upgrade-queries.sql >"$tmp/queries-after.out" 2>&1 &&
			q -d "$B" -f scripts/upgrade-queries.sql >"$tmp/queries-fresh.out" 2>&1 || { cat "$tmp"/queries-*.out; return 1; }
		echo "$(grep -c 'rows)' "$tmp/queries-fresh.out") result sets"
		diff -u "$tmp/queries-before.out" "$tmp/queries-after.out" && diff -u "$tmp/queries-fresh.out" "$tmp/queries-after.out"
	}
	check "query results (views, materialized view, stored summaries, index scans) unchanged by the update and equal to the fresh install's" queries

	amcheck() {
		q -d "$A" -c 'CREATE EXTENSION IF NOT EXISTS amcheck' &&
			q -d "$A" -c "SELECT bt_index_check(i::regclass, true) FROM unnest(ARRAY['app.tickets_sev', 'app.report_key', 'app.contracts_pkey']) i"
	}
	if [ -f "$("$PG_CONFIG" --sharedir)/extension/amcheck.control" ]; then
		check "the btree indexes pass amcheck after the update" amcheck
	else
		n=$((n + 1)); echo "ok $n - # SKIP amcheck is not installed"
	fi

	null_args_after() { [ "$(val -d "$A" -c "$NULL_ARGS")" = "f|f|f" ]; }
	[ "$OLD" = 0.1.0 ] && check "$NEW after the update: NULL pauses or holidays are none (CALLED ON NULL INPUT)" null_args_after

	# objects newer than OLD work on the updated database as on the fresh one:
	# scripts/upgrade-new-V.sql holds queries over the objects version V added
	new_objects() {
		local f=$1
		val -d "$A" -f "$f" >"$tmp/new-updated" && val -d "$B" -f "$f" >"$tmp/new-fresh" || { cat "$tmp/new-updated" "$tmp/new-fresh"; return 1; }
		[ -s "$tmp/new-fresh" ] || { echo "no output"; return 1; }
		diff -u "$tmp/new-fresh" "$tmp/new-updated"
	}
	for f in $(ls scripts/upgrade-new-*.sql 2>/dev/null | sort -V); do
		v=${f#scripts/upgrade-new-}
		v=${v%.sql}
		[ "$(printf '%s\n%s\n' "$OLD" "$v" | sort -V | head -n 1)" = "$OLD" ] && [ "$v" != "$OLD" ] || continue
		check "$v's new functions and aggregates on the database updated from $OLD give the fresh install's results" new_objects "$f"
	done

	dropdb "$A" >/dev/null 2>&1
	dropdb "$B" >/dev/null 2>&1
}

for old in $OLDS; do
	echo "# from $old"
	from_version "$old"
done
rm -rf "$tmp"
echo "# upgrade test: $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
