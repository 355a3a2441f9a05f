#!/usr/bin/env perl
# The release metadata, checked (make test, make dist): META.json by the PGXN
# meta spec 1.0.0 (https://pgxn.org/spec/: the required keys, release_status,
# resources, provides with file and docfile, semantic versions), and one
# version everywhere: META.json (the release and the extension it provides),
# managed_services.control (default_version), debian/changelog (the upstream
# part of the newest entry) and the SQL scripts (the update chain in
# src/updates/ ends at default_version, and the frozen install scripts there
# are of earlier versions only).  TAP-like lines, exit 1 on any failure.
use strict;
use warnings;
use JSON::PP;

my ($n, $bad) = (0, 0);
sub check {
	my ($ok, $what) = @_;
	$n++;
	print(($ok ? 'ok' : 'not ok') . " $n - $what\n");
	$bad++ unless $ok;
	return $ok;
}
sub slurp {
	my ($f) = @_;
	open(my $fh, '<', $f) or return undef;
	local $/;
	return <$fh>;
}
my $semver = qr/^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[a-zA-Z][0-9a-zA-Z-]*)?$/;

# --- META.json by the spec ---------------------------------------------------
my $text = slurp('META.json');
my $meta = eval { JSON::PP->new->decode($text // '') };
check($meta && ref $meta eq 'HASH', 'META.json is a JSON object') or do { print "$@"; exit 1 };
for my $k (qw(name abstract version maintainer license provides meta-spec)) {
	check(defined $meta->{$k}, "META.json has the required key $k");
}
check(($meta->{'meta-spec'}{version} // '') eq '1.0.0', 'META.json: meta-spec version 1.0.0');
check(scalar(($meta->{version} // "") =~ $semver), "META.json: version $meta->{version} is a semantic version");
check(($meta->{release_status} // '') =~ /^(stable|testing|unstable)$/,
	'META.json: release_status is stable, testing or unstable');
my $res = $meta->{resources};
check(ref $res eq 'HASH' && %$res && !grep({ !/^(homepage|bugtracker|repository|x_.*)$/ } keys %$res),
	'META.json: resources, with homepage, bugtracker or repository only');
check(ref $meta->{maintainer} eq 'ARRAY' ? @{ $meta->{maintainer} } > 0 : $meta->{maintainer} ne '',
	'META.json: a maintainer');
my $prov = $meta->{provides};
check(ref $prov eq 'HASH' && $prov->{managed_services}, 'META.json provides the extension managed_services');
my $ext = $prov->{managed_services} // {};
check(scalar(($ext->{version} // "") =~ $semver), 'META.json: the provided extension has a semantic version');
check(defined $ext->{file} && -f $ext->{file}, "META.json: provides' file ($ext->{file}) is in the tree");
check(defined $ext->{docfile} && -f $ext->{docfile}, "META.json: provides' docfile ($ext->{docfile}) is in the tree");
check(defined $ext->{abstract}, "META.json: provides' abstract");

# --- one version everywhere ------------------------------------------------------
my $control = slurp('managed_services.control') // '';
my ($default) = $control =~ /^default_version\s*=\s*'([^']*)'/m;
$default //= '(none)';
check(($meta->{version} // '') eq $default, "META.json version ($meta->{version}) is the control file's default_version ($default)");
check(($ext->{version} // '') eq $default, "META.json provides managed_services $ext->{version}, the control file's $default");
my ($deb) = (slurp('debian/changelog') // '') =~ /^\S+ \(([^)]*)\)/;
$deb //= '(none)';
(my $upstream = $deb) =~ s/^[0-9]+://;
$upstream =~ s/-[^-]*$//;
check($upstream eq $default, "debian/changelog's newest version ($deb) is $default");

my (%to, %from, @installs);
for (glob('src/updates/managed_services--*.sql')) {
	if (/--([^-]+)--([^-]+)\.sql$/) { $to{$2} = $1; $from{$1} = $2; }
	elsif (/--([^-]+)\.sql$/) { push @installs, $1; }
}
my ($v, $steps) = ('0.1.0', 0);
while (exists $from{$v} && $steps < 100) { $v = $from{$v}; $steps++; }
check($v eq $default, "the update scripts lead from 0.1.0 to $default (they end at $v)");
check(!grep({ !exists $to{$_} && $_ ne '0.1.0' } keys %from) && !exists $from{$default},
	"no update script starts at a version the chain does not reach, or after $default");
check(!grep({ $_ eq $default } @installs),
	"the install script of $default is built (src/*.sql), not frozen in src/updates/");
check(!grep({ $_ ne '0.1.0' && !exists $to{$_} } @installs),
	'every frozen install script in src/updates/ is of a version the chain reaches');
print "1..$n\n";
exit($bad ? 1 : 0);
