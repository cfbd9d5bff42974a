#!/bin/sh
# workflow/sbatch-array.sh -- the same as the Snakefile with plain Slurm:
# one array task per input file, then a merge job that waits for all of them.
#
#   workflow/sbatch-array.sh /data/pubmed results [sbatch options...]
#
# Each task runs `myomine --partial` on one file into results.shards/NNNNNN;
# the merge job runs `myomine merge` over every shard into results/, then
# lists the input files that had faults (truncated, unreadable) in its log
# and in results.shards/faults.tsv (workflow/report-faults).  STRICT=1: the
# merge job then fails when there is any (the merged outputs stay).
set -eu
in=$1 out=$2; shift 2
myomine=${MYOMINE:-$(pwd)/myomine}
report=$(cd "$(dirname "$0")" && pwd)/report-faults
strict=; [ "${STRICT:-0}" = 1 ] && strict=--strict
work=$out.shards
mkdir -p "$work/logs"
# the file list in the order myomine applies files (by name, then path)
find "$in" -type f \( -name '*.xml' -o -name '*.xml.gz' -o -name '*.txt' -o -name '*.txt.gz' \
	-o -name '*.medline' -o -name '*.medline.gz' -o -name '*.pubtator' -o -name '*.pubtator.gz' \) |
	awk -F/ '{ print $NF "\t" $0 }' | sort | cut -f2- > "$work/files.txt"
n=$(wc -l < "$work/files.txt")
[ "$n" -gt 0 ] || { echo "no input files in $in" >&2; exit 1; }
job=$(sbatch --parsable --array=1-"$n" --cpus-per-task=2 -o "$work/logs/%a.log" "$@" --wrap \
	"f=\$(sed -n \"\${SLURM_ARRAY_TASK_ID}p\" $work/files.txt); \
	 $myomine -q --partial -t 2 -o $work/\$(printf %06d \$SLURM_ARRAY_TASK_ID) \"\$f\" || [ \$? -eq 1 ]")
sbatch --dependency=afterok:"$job" -o "$work/logs/merge.log" "$@" --wrap \
	"($myomine merge -q ${MERGE_OPTIONS:-} -o $out $work/[0-9]* || [ \$? -eq 1 ]) && \
	 python3 $report $strict --list $work/faults.tsv $work/[0-9]*"
echo "submitted array job $job ($n files) and its merge"
