#!/usr/bin/perl
# port-readme-diff.pl [--apply] < DIFF: carry the README.md hunks of a diff
# made against the one-file README (before the manual moved to docs/) over to
# the file that now holds their text.  The reference sections moved to
# docs/*.md verbatim, so a hunk applies unchanged to exactly one of README.md
# and docs/*.md; this tries each (patch --dry-run, no fuzz) and says where.
# With --apply it applies each hunk that fits one file exactly.
#
#   git diff main...BRANCH -- README.md | perl scripts/port-readme-diff.pl --apply
#
# Prints one line per hunk: "ok @@ ... @@ -> docs/credits.md", or "not ok"
# with the reason (fits no file: its context was on the rewritten front page
# or spans two sections; fits several); exits non-zero when one is not ok.
# Run from the repository's root.
use strict;
use warnings;
use File::Temp qw(tempfile);

my $apply = @ARGV && $ARGV[0] eq '--apply' ? shift : 0;
my @targets = ('README.md', sort glob('docs/*.md'));

# the hunks of README.md: each "@@" header and the lines up to the next one
my (@hunks, $in_readme);
while (my $l = <STDIN>)
{
	if ($l =~ /^diff /) { $in_readme = 0; next; }
	if ($l =~ m{^\+\+\+ (?:b/)?(\S+)}) { $in_readme = $1 eq 'README.md'; next; }
	next if $l =~ /^--- /;
	next unless $in_readme;
	if ($l =~ /^@@ /) { push @hunks, $l; next; }
	$hunks[-1] .= $l if @hunks && $l =~ /^[ +\-\\]/;
}

sub fits
{
	my ($hunk, $file, $dry) = @_;
	my ($fh, $tmp) = tempfile(UNLINK => 1);
	print $fh "--- $file\n+++ $file\n$hunk";
	close $fh;
	my @cmd = ('patch', '-s', '-F0', '--no-backup-if-mismatch', '-r', '-', $dry ? '--dry-run' : (), $file, $tmp);
	return system("@cmd >/dev/null 2>&1") == 0;
}

my $bad = 0;
for my $hunk (@hunks)
{
	my ($head) = $hunk =~ /^(@@[^@]*@@)/;
	my @where = grep { fits($hunk, $_, 1) } @targets;
	if (@where == 1)
	{
		if ($apply && !fits($hunk, $where[0], 0)) { print "not ok $head: did not apply to $where[0]\n"; $bad++; next; }
		print "ok $head -> $where[0]", ($apply ? " (applied)" : ''), "\n";
	}
	else
	{
		$bad++;
		print "not ok $head: ", (@where ? "fits several: @where" : 'fits no file: port it by hand'), "\n";
	}
}
print scalar(@hunks), " hunks, $bad to port by hand\n";
exit($bad ? 1 : 0);
