"""Full-batch gradient descent, numpy-vectorised as seed 000 writes it, on N points with a 2-H-1 sigmoid network.

Prints nanoseconds per sample per epoch (median of rounds), to set beside the engine's
`java -jar target/backprop-lab.jar bench --data FILE.csv --hidden H --optimizer batch` (issue 14).
Usage: python3 src/bench/python/full_batch_numpy.py [N] [H] [ROUNDS]
"""
import sys
import time

import numpy as np

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
h = int(sys.argv[2]) if len(sys.argv) > 2 else 8
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
rng = np.random.default_rng(1)
X = rng.normal(size=(n, 2))
y = (X[:, 0] * X[:, 1] > 0).astype(float).reshape(-1, 1)
W1, b1 = rng.normal(size=(2, h)), np.zeros((1, h))
W2, b2 = rng.normal(size=(h, 1)), np.zeros((1, 1))
lr = 0.1 / n


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def epoch():
    global W1, b1, W2, b2
    a1 = sigmoid(X @ W1 + b1)
    out = sigmoid(a1 @ W2 + b2)
    d2 = (out - y) * out * (1 - out)
    d1 = (d2 @ W2.T) * a1 * (1 - a1)
    W2 -= lr * a1.T @ d2
    b2 -= lr * d2.sum(axis=0, keepdims=True)
    W1 -= lr * X.T @ d1
    b1 -= lr * d1.sum(axis=0, keepdims=True)


for _ in range(20):
    epoch()
times = []
for _ in range(rounds):
    epochs = 200
    t0 = time.process_time()
    for _ in range(epochs):
        epoch()
    times.append((time.process_time() - t0) / epochs / n * 1e9)
times.sort()
print(f"numpy {np.__version__}: full batch 2-{h}-1 on {n} points: {times[len(times) // 2]:.1f} ns per sample per epoch"
      f" (median of {rounds} rounds of 200 epochs, process CPU time)")
