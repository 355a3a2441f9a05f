/*
 * seedgen: build the seed corpus from string literals.
 *
 *	seedgen CORPUSDIR < literals	(NUL-separated, as extract-literals.pl
 *									 prints them)
 *
 * Every literal that a type's input function accepts becomes a seed of
 * TYPE_in (as written, and its canonical output when that differs), and its
 * send() bytes a seed of TYPE_recv.  Files are named by a hash of their
 * content, so running it again adds nothing twice.
 */
#include "harness.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#define TYPE(t, byval) \
	extern Datum t##_in(PG_FUNCTION_ARGS); \
	extern Datum t##_out(PG_FUNCTION_ARGS); \
	extern Datum t##_send(PG_FUNCTION_ARGS); \
	extern Datum t##_recv(PG_FUNCTION_ARGS);
TYPE(severity, true)
TYPE(sla_window, false)
TYPE(sla_policy, false)
TYPE(sla_summary, false)
TYPE(credit_schedule, false)
TYPE(price_schedule, false)
TYPE(availability_state, false)
TYPE(staffing_state, false)
TYPE(sla_clock_rules, false)
TYPE(sla_clock, false)
#undef TYPE
#define TYPE(t, byval) {#t, t##_in, t##_out, t##_send, t##_recv, byval}
static const FuzzType types[] = {
	TYPE(severity, true),
	TYPE(sla_window, false),
	TYPE(sla_policy, false),
	TYPE(sla_summary, false),
	TYPE(credit_schedule, false),
	TYPE(price_schedule, false),
	TYPE(availability_state, false),
	TYPE(staffing_state, false),
	TYPE(sla_clock_rules, false),
	TYPE(sla_clock, false),
};

/* seeds of TYPE_in at most, so that the committed corpus stays small */
#define MAX_PER_TYPE 80

static int	count[lengthof(types)];

/* false when the seed was there already */
static bool
write_seed(const char *dir, const char *type, const char *kind, const char *data, size_t len)
{
	uint64		h = UINT64CONST(1469598103934665603);
	char		path[1024];
	FILE	   *f;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char) data[i]) * UINT64CONST(1099511628211);
	snprintf(path, sizeof(path), "%s/%s_%s", dir, type, kind);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/%s_%s/%016llx", dir, type, kind, (unsigned long long) h);
	if (access(path, F_OK) == 0)
		return false;
	f = fopen(path, "wb");
	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0)
	{
		perror(path);
		exit(1);
	}
	return true;
}

static void
try_literal(const char *dir, const char *lit)
{
	for (int i = 0; i < (int) lengthof(types); i++)
	{
		const FuzzType *t = &types[i];
		Datum		v,
					r;
		bool		isnull;
		bytea	   *bin;
		char	   *text;

		if (count[i] >= MAX_PER_TYPE)
			continue;
		if (!fuzz_call(t->in, CStringGetDatum(lit), &v, &isnull) || isnull)
			continue;
		/* the harness's own checks, so that no seed is a crash */
		fuzz_stage = "seed";
		fuzz_check_value(t, v);
		if (!write_seed(dir, t->name, "in", lit, strlen(lit)))
			continue;
		count[i]++;
		fuzz_call(t->out, v, &r, &isnull);
		text = DatumGetCString(r);
		if (strcmp(text, lit) != 0)
			write_seed(dir, t->name, "in", text, strlen(text));
		fuzz_call(t->send, v, &r, &isnull);
		bin = DatumGetByteaPP(r);
		write_seed(dir, t->name, "recv", VARDATA_ANY(bin), VARSIZE_ANY_EXHDR(bin));
	}
}

int
main(int argc, char **argv)
{
	StringInfoData lit;
	int			c;

	if (argc != 2)
	{
		fprintf(stderr, "usage: seedgen CORPUSDIR < literals\n");
		return 2;
	}
	/* the bound counts the seeds already there: running again adds no more */
	for (int i = 0; i < (int) lengthof(types); i++)
	{
		char		path[1024];
		DIR		   *d;
		struct dirent *e;

		snprintf(path, sizeof(path), "%s/%s_in", argv[1], types[i].name);
		if ((d = opendir(path)) == NULL)
			continue;
		while ((e = readdir(d)) != NULL)
			if (e->d_name[0] != '.')
				count[i]++;
		closedir(d);
	}
	lit.data = malloc(1024 * 1024);
	lit.len = 0;
	while ((c = getchar()) != EOF)
	{
		if (c != '\0')
		{
			if (lit.len < 1024 * 1024 - 1)
				lit.data[lit.len++] = c;
			continue;
		}
		lit.data[lit.len] = '\0';
		if (shim_valid_utf8(lit.data, lit.len))
			try_literal(argv[1], lit.data);
		shim_reset();
		lit.len = 0;
	}
	for (int i = 0; i < (int) lengthof(types); i++)
		printf("%s: %d seeds\n", types[i].name, count[i]);
	free(lit.data);
	return 0;
}
