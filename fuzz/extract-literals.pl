#!/usr/bin/perl
# extract-literals.pl FILE...: print every SQL string literal of the files
# ('...' with '' for a quote), each followed by a NUL, for seedgen.  "--"
# comments are skipped; of a Markdown file only the ```sql blocks are read.
# seedgen keeps only what a type accepts, so a stray literal costs nothing.
use strict;
use warnings;

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
