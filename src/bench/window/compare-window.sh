#!/usr/bin/env bash
# Frame rate of two builds side by side, alternating run by run so both see the same machine load.
# Usage: src/bench/window/compare-window.sh OLD.jar NEW.jar [SECONDS] [ROUNDS]   (README, section window-performance)
set -u
OLD=$1 NEW=$2 ROUNDS=${4:-1}
MEASURE_WINDOW_LIB=1 . "$(dirname "$0")/measure-window.sh" "$NEW" "${3:-16}" # defines window(), sets SECS and OUT
for r in $(seq "$ROUNDS"); do
  for run in "gender-221|--dataset gender" "xor-221|--dataset xor" \
             "gender-2888|--dataset gender --hidden 8 --layers 3" "xor-2888|--dataset xor --hidden 8 --layers 3" \
             "gender-2888-paced|--dataset gender --hidden 8 --layers 3 --speed 1000"; do
    name=${run%%|*}; opts=${run#*|}
    for build in old new; do
      [ $build = old ] && JAR=$OLD || JAR=$NEW
      # shellcheck disable=SC2086
      window "$name-$build-r$r" --stats --train --exit-after "$SECS" $opts
    done
  done
done
echo "raw output: $OUT"
