#!/usr/bin/perl
# extract-literals.pl FILE...: print every SQL string literal of the files
# ('...' with '' for a quote), each followed by a NUL, for seedgen.  "--"
# comments are skipped; of a Markdown file only the ```sql blocks are read.
# seedgen keeps only what a type accepts, so a stray literal costs nothing.
# With no FILE: the tests, the manual (README.md and docs/*.md), the sample
# types and examples, and fuzz/seeds.sql, read from the repository's root.
use strict;
use warnings;
use FindBin;

unless (@ARGV) {
	chdir "$FindBin::Bin/.." or die "$FindBin::Bin/..: $!";
	@ARGV = map { glob } qw(sql/*.sql test/*.sql README.md docs/*.md data/types.sql examples/*.sql fuzz/seeds.sql);
}
local $/;
for my $file (@ARGV) {
	open(my $fh, '<', $file) or die "$file: $!";
	my $text = <$fh>;
	close $fh;
	if ($file =~ /\.md$/) {
		my @blocks = $text =~ /^```sql\n(.*?)^```/gms;
		$text = join("\n", @blocks);
	}
	while ($text =~ /\G(?:[^'-]+|-(?!-)|--[^\n]*|'((?:[^']|'')*)')/gc) {
		next unless defined $1;
		my $lit = $1;
		$lit =~ s/''/'/g;
		print $lit, "\0";
	}
}
