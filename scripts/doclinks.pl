#!/usr/bin/perl
# The manual's links: every Markdown link [text](target) of the files given
# (README.md and docs/*.md) must resolve.  A target is a file relative to the
# linking file, optionally with "#anchor", or "#anchor" alone (the same file);
# the anchor must be a heading of that file, spelled as GitHub does (lower
# case, punctuation dropped, spaces as "-", "-1", "-2" for repeats).  Links
# inside ``` blocks and `code` spans are not links; http(s) and mailto
# targets are not checked (no network in the test).
#
#   perl scripts/doclinks.pl README.md docs/*.md
#
# Prints one line per broken link ("FILE:LINE: [text](target): why") and a
# closing "ok N links" or "not ok N of M links broken"; exits non-zero when one is.
use strict;
use warnings;
use File::Basename qw(dirname);
use File::Spec;

my %anchors;	# canonical path => { anchor => 1 }

sub lines_outside_code
{
	my ($file) = @_;
	open(my $fh, '<', $file) or return;
	my @out;
	my $fence = 0;
	while (my $l = <$fh>)
	{
		chomp $l;
		if ($l =~ /^\s*```/) { $fence = !$fence; push @out, ''; next; }
		push @out, $fence ? '' : $l;
	}
	close $fh;
	return \@out;
}

sub anchors_of
{
	my ($path) = @_;
	return $anchors{$path} if $anchors{$path};
	my $lines = lines_outside_code($path) or return;
	my (%a, %seen);
	for my $l (@$lines)
	{
		next unless $l =~ /^#{1,6}\s+(.*?)\s*#*\s*$/;
		my $slug = lc $1;
		$slug =~ s/\[([^\]]*)\]\([^)]*\)/$1/g;	# a link in a heading: its text
		$slug =~ s/[^\p{L}\p{N}_\- ]//g;
		$slug =~ s/ /-/g;
		my $n = $seen{$slug}++;
		$a{$n ? "$slug-$n" : $slug} = 1;
	}
	return $anchors{$path} = \%a;
}

my ($total, $broken) = (0, 0);
for my $file (@ARGV)
{
	my $lines = lines_outside_code($file) or die "$file: $!\n";
	for my $n (0 .. $#$lines)
	{
		my $l = $lines->[$n] =~ s/`[^`]*`/``/gr;
		while ($l =~ /\[([^\]]*)\]\(([^)\s]+)\)/g)
		{
			my ($text, $target) = ($1, $2);
			next if $target =~ m{^(https?|mailto):};
			$total++;
			my ($path, $anchor) = $target =~ /^([^#]*)(?:#(.*))?$/;
			my $dest = $path eq '' ? $file
				: File::Spec->abs2rel(File::Spec->rel2abs($path, dirname($file)));
			my $why;
			if (!-e $dest) { $why = "no file $dest"; }
			elsif (defined $anchor && $anchor ne '')
			{
				my $a = -d $dest ? undef : anchors_of($dest);
				$why = "no heading #$anchor in $dest" unless $a && $a->{$anchor};
			}
			next unless $why;
			$broken++;
			printf "%s:%d: [%s](%s): %s\n", $file, $n + 1, $text, $target, $why;
		}
	}
}
print $broken ? "not ok $broken of $total links broken\n" : "ok $total links\n";
exit($broken ? 1 : 0);
