"""Times the seeds' Python training as printed and prints steps per second.

  python3 src/bench/python/time_seeds.py [repeats]

seed 001: the whole printed script (1000 epochs of per-sample SGD on 4 samples = 4000 steps,
          with its loss print every 10 epochs and its two predictions).
seed 000: nn.train(epoch=5000) as its main() calls it (5000 full-batch steps on XOR).
Each is run `repeats` times (default 5) in this process; the median wall and CPU rates are reported. The scripts'
own output goes to /dev/null so the terminal does not count.
"""
import contextlib
import os
import runpy
import statistics
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(fn):
    """(wall seconds, CPU seconds of this process) for fn(); CPU time ignores time spent descheduled."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def time_seed001():
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        return timed(lambda: runpy.run_path(os.path.join(HERE, "seed001_gender_sgd.py"), run_name="__main__"))


def time_seed000():
    mod = runpy.run_path(os.path.join(HERE, "seed000_xor_batch.py"), run_name="seed000")
    truth_table = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    expected_output = np.array([[0, 1, 1, 0]]).T
    nn = mod["XORNeuralNetwork"](truth_table, expected_output)
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        return timed(lambda: nn.train(epoch=5000))


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print("python %s, numpy %s" % (sys.version.split()[0], np.__version__))
    for name, fn, steps in (("seed 001 (per-sample SGD, 2-2-1, gender)", time_seed001, 4000),
                            ("seed 000 (full batch, 2-2-1, XOR)", time_seed000, 5000)):
        runs = [fn() for _ in range(repeats)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print("%-42s %d steps: wall %.3f s -> %.0f steps/s; CPU %.3f s -> %.0f steps/CPU-s (median of %d)"
              % (name, steps, wall, steps / wall, cpu, steps / cpu, repeats))

if __name__ == "__main__":
    main()
