#!/usr/bin/perl
# The doc test: runs every ```sql block of one or more Markdown files, in
# order (the files in the order given, each from top to bottom), in one psql
# session against a database (PGDATABASE or -d), and compares the output with
# the ```text block that directly follows it (only blank lines between), when
# there is one.  A block without one must run without error.  One session, so
# that what a block creates (a schema, a view) is there for the blocks after
# it, in the same file or a later one.
#
#   perl scripts/doctest.pl README.md docs/severity.md ... [psql options...]
#
# The leading arguments that end in ".md" are the files; the rest go to psql.
# Prints one TAP line per block ("ok N - docs/window.md:LINE", "not ok ..."
# with a diff) and a plan, so that prove or a grep can count it.  Lines are
# compared without trailing white space (Markdown editors strip it, psql pads
# its headers); leading and trailing blank lines do not count.  Errors show
# as psql prints them for a script, less the "psql:<stdin>:N: " prefix.
use strict;
use warnings;
use IPC::Open3;
use Symbol 'gensym';

my @files;
push @files, shift @ARGV while @ARGV && $ARGV[0] =~ /\.md\z/;
my @psql_opts = @ARGV;
die "usage: $0 FILE.md... [psql options]\n" unless @files;

# blocks: { file, line, sql, expected (undef when none) }
my @blocks;
for my $file (@files)
{
	open(my $fh, '<', $file) or die "$file: $!\n";
	my @lines = <$fh>;
	close $fh;
	for (my $i = 0; $i < @lines; $i++)
	{
		next unless $lines[$i] =~ /^```sql\s*$/;
		my $start = $i + 1;
		my $sql = '';
		for ($i++; $i < @lines && $lines[$i] !~ /^```\s*$/; $i++) { $sql .= $lines[$i]; }
		my $j = $i + 1;
		$j++ while $j < @lines && $lines[$j] =~ /^\s*$/;
		my $expected;
		if ($j < @lines && $lines[$j] =~ /^```text\s*$/)
		{
			$expected = '';
			for ($j++; $j < @lines && $lines[$j] !~ /^```\s*$/; $j++) { $expected .= $lines[$j]; }
			$i = $j;
		}
		push @blocks, { file => $file, line => $start, sql => $sql, expected => $expected };
	}
}

my $script = "\\set ON_ERROR_STOP 0\n\\set SHOW_CONTEXT never\nSET TimeZone = 'UTC';\nSET DateStyle = 'ISO, MDY';\nSET IntervalStyle = 'postgres';\nSET extra_float_digits = 1;\n";
for my $n (0 .. $#blocks)
{
	$script .= "\\echo '<<<doctest $n>>>'\n" . $blocks[$n]{sql};
	$script .= "\n" unless $blocks[$n]{sql} =~ /\n\z/;
}
$script .= "\\echo '<<<doctest end>>>'\n";

my $err = gensym;
my $pid = open3(my $in, my $out, undef, 'psql', '-X', '-q', @psql_opts);
print $in $script;
close $in;
my $output = do { local $/; <$out> };
waitpid($pid, 0);

my @got = ('') x @blocks;
my $cur = -1;
for my $l (split /^/, $output)
{
	if ($l =~ /^<<<doctest (\d+|end)>>>$/) { $cur = $1 eq 'end' ? -1 : $1; next; }
	$l =~ s/^psql:<stdin>:\d+: //;
	$got[$cur] .= $l if $cur >= 0;
}

sub norm
{
	my ($s) = @_;
	my @l = map { s/\s+$//r } split /\n/, $s;
	shift @l while @l && $l[0] eq '';
	pop @l while @l && $l[-1] eq '';
	return join("\n", @l);
}

my $failed = 0;
print "1..", scalar(@blocks), "\n";
for my $n (0 .. $#blocks)
{
	my $b = $blocks[$n];
	my $got = norm($got[$n]);
	my $ok;
	my $why = '';
	if (defined $b->{expected})
	{
		my $want = norm($b->{expected});
		$ok = $got eq $want;
		$why = "#   want:\n" . join('', map { "#     $_\n" } split /\n/, $want)
			. "#   got:\n" . join('', map { "#     $_\n" } split /\n/, $got) unless $ok;
	}
	else
	{
		$ok = $got !~ /^(ERROR|FATAL|PANIC):/m;
		$why = join('', map { "#   $_\n" } split /\n/, $got) unless $ok;
	}
	printf "%s %d - %s:%d%s\n", $ok ? 'ok' : 'not ok', $n + 1, $b->{file}, $b->{line},
		defined $b->{expected} ? '' : ' (runs)';
	print $why unless $ok;
	$failed++ unless $ok;
}
exit($failed ? 1 : 0);
