#!/usr/bin/env bash
# Measures the window under Xvfb: frame rate at full training speed, start-up time, heap over a long run.
# Usage: src/bench/window/measure-window.sh [JAR] [SECONDS]     (README, section window-performance)
#   JAR defaults to target/backprop-lab.jar (build: ./mvnw -B -q package -DskipTests); SECONDS per run, default 20.
# Every run prints the machine's load first: other processes on the same cores lower the frame rate.
set -u
JAR=${1:-target/backprop-lab.jar}
SECS=${2:-20}
DISPLAY_NO=${DISPLAY_NO:-79}
OUT=${OUT:-$(mktemp -d /tmp/window-perf.XXXX)}
[ "${MEASURE_WINDOW_LIB:-0}" = 1 ] || [ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -B -q package -DskipTests)" >&2; exit 2; }

window() { # name, window options...
  local name=$1; shift
  for _ in $(seq 40); do [ -e "/tmp/.X$DISPLAY_NO-lock" ] || break; sleep 0.5; done # the last run's Xvfb is gone
  echo "== $name: java -jar $JAR $*    [$(uptime | sed 's/.*load/load/')]"
  xvfb-run -n "$DISPLAY_NO" -s '-screen 0 1400x900x24' java -jar "$JAR" "$@" > "$OUT/$name.txt" 2>&1
  grep -E '^(startup|pipeline|heap|trained|summary)' "$OUT/$name.txt"
  # Steady state: the per-second lines from the 6th on (after start-up and JIT warm-up), as medians.
  grep '^fps' "$OUT/$name.txt" | tail -n +6 | awk '
    { fps[NR] = $2; p99[NR] = $4
      for (i = 1; i <= NF; i++) {
        if ($i == "trainer") cpu[NR] = $(i + 1) + 0
        if ($i == "fx" && $(i + 2) ~ /^\(/) fxms[NR] = substr($(i + 2), 2) + 0
        if ($i == "render" && $(i + 2) ~ /^\(/) rms[NR] = substr($(i + 2), 2) + 0 } }
    function median(a, n,   i, j, t, b) { for (i = 1; i <= n; i++) b[i] = a[i]
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
      return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2 }
    END { if (NR) printf "steady (seconds 6..%d): median fps %.1f, median p99 %.1f ms, worst p99 %.1f ms; median CPU per frame: FX thread %.1f ms, renderer %.1f ms; median trainer cpu %.0f%%\n",
                 NR + 5, median(fps, NR), median(p99, NR), max(p99, NR), median(fxms, NR), median(rms, NR), median(cpu, NR) }
    function max(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }'
}

[ "${MEASURE_WINDOW_LIB:-0}" = 1 ] && return 0 # sourced by compare-window.sh for window()
what=${WHAT:-all}
if [ "$what" = all ] || [ "$what" = fps ]; then
  window idle            --stats --exit-after "$SECS"
  window gender-sgd-221  --stats --train --exit-after "$SECS" --dataset gender
  window xor-batch-221   --stats --train --exit-after "$SECS" --dataset xor
  window gender-sgd-2888 --stats --train --exit-after "$SECS" --dataset gender --hidden 8 --layers 3
  window xor-batch-2888  --stats --train --exit-after "$SECS" --dataset xor --hidden 8 --layers 3
  # The same views changing every frame, but the trainer paced to 1000 epochs/s so that it leaves its core free.
  window gender-sgd-221-paced  --stats --train --exit-after "$SECS" --dataset gender --speed 1000
  window gender-sgd-2888-paced --stats --train --exit-after "$SECS" --dataset gender --hidden 8 --layers 3 --speed 1000
fi
if [ "$what" = all ] || [ "$what" = startup ]; then
  for i in 1 2 3 4 5; do window "startup-$i" --stats --exit-after 2; done | tee "$OUT/startup.txt" | grep -E '^(==|startup)'
  grep '^startup' "$OUT/startup.txt" | awk '{ print $2 }' | sort -n \
    | awk '{ s[NR] = $1 } END { printf "startup median of %d: %d ms (sorted:", NR, s[int((NR + 1) / 2)]; for (i = 1; i <= NR; i++) printf " %d", s[i]; print " ms)" }'
fi
if [ "$what" = all ] || [ "$what" = memory ]; then
  window memory-10M --stats --train --epochs 10000000 --exit-when-trained
  window memory-idle --stats --exit-after "$SECS"
fi
echo "raw output: $OUT"
