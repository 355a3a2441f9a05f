"""The client test through psycopg2, the driver of Superset and Airflow
(test/clients/run.sh runs it):
  1. every function of the extension (test/clients/functions.sql) called with
     its strings as Python str (psycopg2 sends them as untyped literals),
     numbers, booleans, timestamps, intervals, ranges and numeric arrays as
     Python values (typed); a call resolves when
     it runs or fails with anything but "no such function" (42883) or "not
     unique" (42725);
  2. every reporting view (the names on the command line) read, each column's
     type as the driver reports it (cursor.description) checked against the
     model (test/clients/model.sql).
Prints TAP lines ("ok N - ...", "not ok N - ...").
Usage: python3 clients.py DSN FUNCTIONS.sql MODEL.sql VIEW...
"""
import datetime
import decimal
import sys

import psycopg2
import psycopg2.extensions
import psycopg2.extras

n = 0
failed = 0


def tap(ok, what):
    global n, failed
    n += 1
    if not ok:
        failed += 1
    print(("ok " if ok else "not ok ") + "%d - psycopg2: %s" % (n, what))


def value(kind, val):
    if kind == "integer" or kind == "bigint":
        return int(val)
    if kind == "numeric":
        return decimal.Decimal(val)
    if kind == "double precision":
        return float(val)
    if kind == "boolean":
        return val == "true"
    if kind == "timestamp with time zone":
        return datetime.datetime.fromisoformat(val)
    # ranges, intervals and arrays as the Python values an application
    # passes (psycopg2 sends them typed)
    if kind == "interval":
        number, unit = val.split()
        return datetime.timedelta(**{unit.rstrip("s") + "s": int(number)})
    if kind == "tstzrange":
        lower, upper = val[1:-1].split(",")
        return psycopg2.extras.DateTimeTZRange(datetime.datetime.fromisoformat(lower + ":00"),
                                               datetime.datetime.fromisoformat(upper + ":00"), val[0] + val[-1])
    if kind == "numeric[]":
        return [decimal.Decimal(x) for x in val.strip("{}").split(",")]
    return val  # a str: an untyped literal


def functions(conn, sql):
    cur = conn.cursor()
    cur.execute(sql)
    rows = cur.fetchall()
    called = ran = 0
    for sig, name, kinds, vals, _amb_varchar, amb_untyped in rows:
        if amb_untyped:
            continue
        call = 'SELECT "%s"(%s)' % (name, ", ".join(["%s"] * len(kinds)))
        cur.execute("SAVEPOINT call")
        try:
            cur.execute(call, [value(k, v) for k, v in zip(kinds, vals)])
            cur.fetchall()
            ran += 1
        except psycopg2.Error as e:
            cur.execute("ROLLBACK TO SAVEPOINT call")
            if e.pgcode in ("42883", "42725"):
                tap(False, "%s with untyped strings: %s" % (sig, e.pgerror.splitlines()[0]))
        called += 1
    tap(called > 150, "%d functions called with untyped string parameters (%d ran, the others raised "
        "their own error on the sample values)" % (called, ran))


def views(conn, model_sql, names):
    cur = conn.cursor()
    for v in names:
        cur.execute(model_sql.replace("(:view)", "(%s)"), [v])
        model = {r[0]: r[1:] for r in cur.fetchall()}
        cur.execute("SELECT t.oid, t.typname FROM pg_type t")
        typname = dict(cur.fetchall())
        wrong = []
        rows = cols = 0
        cur.execute("SAVEPOINT view")
        try:
            cur.execute("SELECT * FROM %s LIMIT 50" % v)
            rows = len(cur.fetchall())
            cols = len(cur.description)
            for d in cur.description:
                m = model.get(d.name)
                if m is None:
                    wrong.append("%s is not in the catalog" % d.name)
                    continue
                got = typname.get(d.type_code)
                if got != m[0]:
                    wrong.append("%s reads as %s, declared %s" % (d.name, got, m[0]))
                if m[1] is not None and (d.precision, d.scale) != (m[1], m[2]):
                    wrong.append("%s reads as numeric(%s,%s), declared numeric(%s,%s)"
                                 % (d.name, d.precision, d.scale, m[1], m[2]))
                if m[3]:
                    wrong.append("%s: %s" % (d.name, m[3]))
        except psycopg2.Error as e:
            cur.execute("ROLLBACK TO SAVEPOINT view")
            wrong.append("cannot be read: %s" % e.pgerror.splitlines()[0])
        tap(not wrong, "view %s: %d columns, %d rows read%s"
            % (v, cols, rows, ", every column as the model says" if not wrong else ": " + "; ".join(wrong)))


def main():
    conn = psycopg2.connect(sys.argv[1])
    with open(sys.argv[2]) as f:
        functions(conn, f.read())
    with open(sys.argv[3]) as f:
        views(conn, f.read(), sys.argv[4:])
    conn.rollback()
    print("psycopg2: %d passed, %d failed" % (n - failed, failed))
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
