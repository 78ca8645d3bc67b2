#!/usr/bin/env bash
# libFuzzer targets for the core parsers and the fulfilment arithmetic (clang,
# -fsanitize=fuzzer,address,undefined).
#   bash test/fuzz/run.sh [SECONDS]   each target for SECONDS (default 10; the test
#                                     command's smoke run); e.g. 600 for a long run
#   VBP_FUZZ_TARGETS="tracecode parse"  only these targets (default: all)
# Seeds: test/fuzz/corpus/<target>/; new inputs go to a scratch corpus.
# A crash leaves its input in test/fuzz/build/ and prints FAIL.
# Prints "ok fuzz_<target> ..." / "FAIL fuzz_<target> ...".
set -uo pipefail
seconds=${1:-10}
here=$(cd "$(dirname "$0")" && pwd)
core=$(cd "$here/../../src/core" && pwd)
build=$here/build
mkdir -p "$build"
CLANG=${CLANG:-clang}
version=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$here/../../vbp.control")
for target in ${VBP_FUZZ_TARGETS:-cny drugcode tracecode orgcode uscc fulfilment parse}; do
	bin=$build/fuzz_$target
	if ! $CLANG -g -O1 -std=gnu99 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		-I"$core" -DVBP_VERSION="\"$version\"" -o "$bin" "$here/fuzz_$target.c" "$core"/*.c -lm 2>"$build/$target.build.log"; then
		cat "$build/$target.build.log"
		echo "FAIL fuzz_$target builds"
		continue
	fi
	# inputs up to 64 bytes; a tracecode input may hold two GS1 codes of up to 100 characters
	maxlen=64
	[ "$target" = tracecode ] && maxlen=256
	work=$(mktemp -d)
	cp "$here/corpus/$target/"* "$work/"
	if (cd "$build" && "$bin" -max_total_time="$seconds" -max_len="$maxlen" -timeout=10 \
		-print_final_stats=1 "$work" >"$build/$target.log" 2>&1); then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$target.log")
		echo "ok fuzz_$target ${seconds}s, ${runs:-?} inputs, no crash"
	else
		tail -40 "$build/$target.log"
		echo "FAIL fuzz_$target (crash input in $build)"
	fi
	rm -rf "$work"
done
