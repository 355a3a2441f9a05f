// The client test through PgJDBC, the driver of Metabase, Tableau and DBeaver
// (test/clients/run.sh runs it with Java's single-file launcher):
//   1. every function of the extension (test/clients/functions.sql) called with
//      its strings bound by setString, as PgJDBC binds a Java String
//      (varchar), numbers and timestamps by their own setters, the rest
//      unspecified (Types.OTHER); a call resolves when it runs or fails with
//      anything but "no such function" (42883) or "not unique" (42725);
//   2. every reporting view (the names on the command line) read, each
//      column's type as the driver reports it checked against the model
//      (test/clients/model.sql: the catalog's type, numeric precision and
//      scale, and the rules of docs/reports.md).
// Prints TAP lines ("ok N - ...", "not ok N - ...").
// Usage: java -cp postgresql.jar Clients.java JDBC-URL FUNCTIONS.sql MODEL.sql VIEW...

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.*;
import java.time.OffsetDateTime;
import java.util.*;

public class Clients {
	static int n = 0, failed = 0;

	static void tap(boolean ok, String what) {
		n++;
		if (!ok)
			failed++;
		System.out.println((ok ? "ok " : "not ok ") + n + " - jdbc: " + what);
	}

	static void bind(PreparedStatement ps, int i, String kind, String val) throws SQLException {
		switch (kind) {
		case "string": ps.setString(i, val); break;
		case "integer": ps.setInt(i, Integer.parseInt(val)); break;
		case "bigint": ps.setLong(i, Long.parseLong(val)); break;
		case "numeric": ps.setBigDecimal(i, new BigDecimal(val)); break;
		case "double precision": ps.setDouble(i, Double.parseDouble(val)); break;
		case "boolean": ps.setBoolean(i, Boolean.parseBoolean(val)); break;
		case "timestamp with time zone": ps.setObject(i, OffsetDateTime.parse(val)); break;
		default:
			// ranges, intervals, arrays, jsonb: as a PGobject of the type,
			// as an application binds them
			org.postgresql.util.PGobject o = new org.postgresql.util.PGobject();
			o.setType(kind);
			o.setValue(val);
			ps.setObject(i, o);
			break;
		}
	}

	static void functions(Connection c, String sql) throws SQLException {
		List<String[]> rows = new ArrayList<>();
		try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			while (rs.next()) {
				if (rs.getBoolean("ambiguous_varchar"))
					continue;
				rows.add(new String[] {rs.getString("signature"), rs.getString("proname")});
				Object[] kinds = (Object[]) rs.getArray("kinds").getArray();
				Object[] vals = (Object[]) rs.getArray("vals").getArray();
				rows.add(Arrays.copyOf(kinds, kinds.length, String[].class));
				rows.add(Arrays.copyOf(vals, vals.length, String[].class));
			}
		}
		int called = 0, ran = 0;
		for (int r = 0; r < rows.size(); r += 3) {
			String sig = rows.get(r)[0], name = rows.get(r)[1];
			String[] kinds = rows.get(r + 1), vals = rows.get(r + 2);
			String call = "SELECT \"" + name + "\"(" + String.join(", ", Collections.nCopies(kinds.length, "?")) + ")";
			String state = null;
			Savepoint sp = c.setSavepoint();
			try (PreparedStatement ps = c.prepareStatement(call)) {
				for (int i = 0; i < kinds.length; i++)
					bind(ps, i + 1, kinds[i], vals[i]);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next())
						rs.getObject(1);
				}
				ran++;
			} catch (SQLException e) {
				state = e.getSQLState();
				c.rollback(sp);
				if ("42883".equals(state) || "42725".equals(state))
					tap(false, sig + " with strings bound as varchar: " + e.getMessage());
			}
			called++;
		}
		tap(called > 150, called + " functions called with String parameters (" + ran + " ran, the others raised their own error on the sample values)");
	}

	static String nullIfEmpty(String s) {
		return s == null || s.isEmpty() ? null : s;
	}

	static void views(Connection c, String modelSql, List<String> views) throws SQLException {
		for (String v : views) {
			Map<String, String[]> model = new HashMap<>();
			try (PreparedStatement ps = c.prepareStatement(modelSql.replace("(:view)", "(?)"))) {
				ps.setString(1, v);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next())
						model.put(rs.getString("column_name"), new String[] {
							rs.getString("type_name"), rs.getString("numeric_precision"),
							rs.getString("numeric_scale"), nullIfEmpty(rs.getString("problem"))});
				}
			}
			List<String> wrong = new ArrayList<>();
			int rows = 0, cols = 0;
			Savepoint sp = c.setSavepoint();
			try (Statement st = c.createStatement();
				 ResultSet rs = st.executeQuery("SELECT * FROM " + v + " LIMIT 50")) {
				ResultSetMetaData md = rs.getMetaData();
				cols = md.getColumnCount();
				for (int i = 1; i <= cols; i++) {
					String col = md.getColumnName(i);
					String[] m = model.get(col);
					if (m == null) {
						wrong.add(col + " is not in the catalog");
						continue;
					}
					String got = md.getColumnTypeName(i);
					if (!got.equals(m[0]))
						wrong.add(col + " reads as " + got + ", declared " + m[0]);
					if (m[1] != null && (md.getPrecision(i) != Integer.parseInt(m[1]) || md.getScale(i) != Integer.parseInt(m[2])))
						wrong.add(col + " reads as numeric(" + md.getPrecision(i) + "," + md.getScale(i) + "), declared numeric(" + m[1] + "," + m[2] + ")");
					if (m[3] != null)
						wrong.add(col + ": " + m[3]);
				}
				while (rs.next()) {
					rows++;
					for (int i = 1; i <= cols; i++)
						rs.getObject(i);
				}
			} catch (SQLException e) {
				c.rollback(sp);
				wrong.add("cannot be read: " + e.getMessage());
			}
			tap(wrong.isEmpty(), "view " + v + ": " + cols + " columns, " + rows + " rows read"
				+ (wrong.isEmpty() ? ", every column as the model says" : ": " + String.join("; ", wrong)));
		}
	}

	public static void main(String[] args) throws Exception {
		try (Connection c = DriverManager.getConnection(args[0])) {
			c.setAutoCommit(false);
			functions(c, Files.readString(Path.of(args[1])));
			views(c, Files.readString(Path.of(args[2])), Arrays.asList(args).subList(3, args.length));
			c.rollback();
		}
		System.out.println("jdbc: " + (n - failed) + " passed, " + failed + " failed");
		System.exit(failed == 0 ? 0 : 1);
	}
}
