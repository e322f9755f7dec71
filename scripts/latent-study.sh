#!/usr/bin/env bash
# The article's open question, answered with figures: trains latent 2, 8 and 16 x (MSE, BCE, VAE on BCE
# with beta 1) for 3 epochs, plus the 2-D MSE model for 20 epochs, all with seed 42, then compares them
# (compare.html, compare.json and the Markdown table that docs/latent-study.md quotes).
#
#   bash scripts/latent-study.sh            # or: make study
#   OUT=/tmp/study EPOCHS=1 LONG_EPOCHS=2 TRAIN_LIMIT=4096 bash scripts/latent-study.sh   # a quick look
#
# Each run goes to $OUT/<name>/{models,reports}; a run whose metrics.json already has its final figures
# is skipped, and a run stopped midway is resumed from its newest checkpoint, so an interrupted study
# continues where it stopped. All runs use one build, copied aside at
# the start, so editing the code meanwhile does not change the study. Runs go one after the other: on a
# small machine two at once would only make both wall times meaningless.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${OUT:-reports/study}
EPOCHS=${EPOCHS:-3}
LONG_EPOCHS=${LONG_EPOCHS:-20}
TRAIN_LIMIT=${TRAIN_LIMIT:-0}
MVN=${MVN:-mvn -B}

$MVN -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
cp -r target/classes "$BUILD/classes"
CP="$BUILD/classes:$(cat target/classpath.txt)"
# The JVM settings every Maven run gets (.mvn/jvm.config): the heap and ND4J's off-heap limit.
JVM_OPTS=$(tr '\n' ' ' < .mvn/jvm.config)

fashionae() {
  # shellcheck disable=SC2086
  java $JVM_OPTS -cp "$CP" io.fashionae.cli.Main "$@"
}

finished() {
  [ -f "$1/reports/metrics.json" ] && grep -q '"knn5_accuracy"' "$1/reports/metrics.json"
}

RUNS=()
train() {
  local name=$1 epochs=$2
  shift 2
  local dir="$OUT/$name"
  RUNS+=("$dir/reports")
  if finished "$dir"; then
    echo "== $name: done before, kept"
    return
  fi
  # A run stopped before its end (Ctrl-C, a reboot) left checkpoints: continue it rather than start over.
  local resume=()
  if [ -d "$dir/models/checkpoints" ] && find "$dir/models/checkpoints" -mindepth 1 -maxdepth 1 -type d \
      ! -exec test -e '{}/finished' ';' -print | grep -q .; then
    resume=(--resume)
  fi
  echo "== $name: --epochs $epochs $* ${resume[*]}"
  fashionae train --seed 42 --epochs "$epochs" --train-limit "$TRAIN_LIMIT" --progress lines \
    --models "$dir/models" --reports "$dir/reports" "${resume[@]}" "$@" >> "$OUT/$name.log" 2>&1 \
    || { echo "$name failed, see $OUT/$name.log"; tail -3 "$OUT/$name.log"; exit 1; }
  grep -E '^Validation MSE' "$OUT/$name.log" || true
}

mkdir -p "$OUT"
for d in 2 8 16; do
  train "d$d-mse" "$EPOCHS" --latent-dim "$d"
  train "d$d-bce" "$EPOCHS" --latent-dim "$d" --loss bce
  train "d$d-vae" "$EPOCHS" --latent-dim "$d" --loss bce --variational --beta 1
done
train "d2-mse-${LONG_EPOCHS}ep" "$LONG_EPOCHS" --latent-dim 2

fashionae compare --out "$OUT" --table "$OUT/table.md" "${RUNS[@]}"
