#!/usr/bin/env bash
# Demo generator timings: vbp.generate_demo(scale, 42) at each scale in a fresh
# database of a throwaway cluster; prints a Markdown table for doc/benchmarks.md.
#   bash test/bench/generator.sh [SCALES...]     (default: 1 10 100)
source "$(dirname "$0")/../../tools/lib.sh"
scales=("$@"); [ ${#scales[@]} -gt 0 ] || scales=(1 10 100)
vbp_packages "${VBP_BASE_PACKAGES[@]}"
vbp_build
VBP_FSYNC=on vbp_cluster_start   # writes are timed durably
echo "| scale | purchases | dispensing lines | agreements | institutions | seconds | purchases per second |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for s in "${scales[@]}"; do
	psql_q -d postgres -c "DROP DATABASE IF EXISTS vbp_bench" -c "CREATE DATABASE vbp_bench"
	psql_q -d vbp_bench -c "CREATE EXTENSION vbp"
	start=$(date +%s.%N)
	psql_q -d vbp_bench -c "SELECT count(*) FROM vbp.generate_demo($s, 42)" >/dev/null
	end=$(date +%s.%N)
	psql_q -d vbp_bench -At -F' ' -c "SELECT (row_counts->>'purchase'), (row_counts->>'dispensing'), (row_counts->>'agreement'), (row_counts->>'institution') FROM vbp.demo_run" |
		while read -r p d a i; do
			awk -v s="$s" -v p="$p" -v d="$d" -v a="$a" -v i="$i" -v t0="$start" -v t1="$end" \
				'BEGIN { t = t1 - t0; printf "| %d | %d | %d | %d | %d | %.1f | %.0f |\n", s, p, d, a, i, t, p / t }'
		done
done
