package lab.backprop.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generated data sets, TensorFlow Playground's four and two more: points in the square [-6, 6]², two classes (1 and
 * 0), drawn from a seed, so the same {@link Spec} gives the same points bit for bit. Each shape says on its constant
 * how it draws a point of each class and what its noise does (0 gives a clean boundary; 0.5, the most, makes the
 * classes overlap). A new shape is one more constant.
 */
public enum Generator {
    /** Class 1 fills a disc of radius 2.5, class 0 a ring from 3.5 to 5; noise moves each point by up to noise·5 per axis. */
    CIRCLE("circle", "a disc of one class inside a ring of the other") {
        @Override void draw(SplittableRandom r, int label, double noise, double[] p) {
            double radius = label == 1 ? r.nextDouble(0, 2.5) : r.nextDouble(3.5, 5);
            double angle = r.nextDouble(0, 2 * Math.PI);
            p[0] = radius * Math.sin(angle) + uniform(r, 5 * noise);
            p[1] = radius * Math.cos(angle) + uniform(r, 5 * noise);
        }
    },
    /** Four squares of [-5, 5]² kept 0.3 off the axes; class 1 where x1·x2 > 0; noise moves points by up to noise·5. */
    XOR_CLOUD("xor-cloud", "four squares, one class where x1 and x2 have the same sign") {
        @Override void draw(SplittableRandom r, int label, double noise, double[] p) {
            double a = r.nextDouble(0.3, 5), b = r.nextDouble(0.3, 5);
            boolean flip = r.nextBoolean(); // which of the class's two squares
            double sx = flip ? 1 : -1, sy = label == 1 ? sx : -sx;
            p[0] = sx * a + uniform(r, 5 * noise);
            p[1] = sy * b + uniform(r, 5 * noise);
        }
    },
    /** Class 1 around (2, 2), class 0 around (-2, -2), each a normal spread of 0.5 + 3·noise. */
    GAUSSIANS("gaussians", "two normal clouds, one around (2, 2), one around (-2, -2)") {
        @Override void draw(SplittableRandom r, int label, double noise, double[] p) {
            double centre = label == 1 ? 2 : -2, spread = 0.5 + 3 * noise;
            p[0] = centre + spread * normal(r);
            p[1] = centre + spread * normal(r);
        }
    },
    /** Two interleaved spirals, 1.75 turns out to radius 5; noise moves points by up to noise·2 per axis. */
    SPIRAL("spiral", "two spirals wound into each other") {
        @Override void draw(SplittableRandom r, int label, double noise, double[] p) {
            double t = r.nextDouble();
            double radius = 5 * t, angle = 1.75 * 2 * Math.PI * t + (label == 1 ? 0 : Math.PI);
            p[0] = radius * Math.sin(angle) + uniform(r, 2 * noise);
            p[1] = radius * Math.cos(angle) + uniform(r, 2 * noise);
        }
    },
    /** Points of [-5, 5]², class 1 above the curve x2 = 2·sin(1.2·x1); noise moves points by up to noise·5. */
    SINE("sine", "one class above a sine wave, the other below") {
        @Override void draw(SplittableRandom r, int label, double noise, double[] p) {
            double x = r.nextDouble(-5, 5), wave = 2 * Math.sin(1.2 * x);
            double y = label == 1 ? r.nextDouble(wave, 5 + 2) : r.nextDouble(-5 - 2, wave);
            p[0] = x + uniform(r, 5 * noise);
            p[1] = Math.max(-5.5, Math.min(5.5, y)) + uniform(r, 5 * noise);
        }
    },
    /** Two interlocking half circles of radius 3; noise adds a normal spread of noise·2. */
    MOONS("moons", "two interlocking half moons") {
        @Override void draw(SplittableRandom r, int label, double noise, double[] p) {
            double angle = r.nextDouble(0, Math.PI);
            if (label == 1) {
                p[0] = 3 * Math.cos(angle) - 1.5;
                p[1] = 3 * Math.sin(angle) - 0.75;
            } else {
                p[0] = 1.5 - 3 * Math.cos(angle);
                p[1] = 0.75 - 3 * Math.sin(angle);
            }
            p[0] += 2 * noise * normal(r);
            p[1] += 2 * noise * normal(r);
        }
    };

    public static final int MIN_POINTS = 10, MAX_POINTS = 100_000, DEFAULT_POINTS = 200;
    public static final double MAX_NOISE = 0.5;

    private final String id;
    private final String description;

    Generator(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name the CLI's --dataset and the window's data choice take ("spiral"). */
    public String id() { return id; }

    public String description() { return description; }

    /** Draws one point of class {@code label} (1 or 0) into {@code p} (x1, x2). */
    abstract void draw(SplittableRandom r, int label, double noise, double[] p);

    /** The shape named {@code id} (any case), or null. */
    public static Generator byId(String id) {
        String n = id.trim().toLowerCase(Locale.ROOT);
        for (Generator g : values()) if (g.id.equals(n)) return g;
        return null;
    }

    /** Why these generation settings cannot be used, or null. */
    public static String whyNot(int points, double noise) {
        if (points < MIN_POINTS || points > MAX_POINTS) {
            return "points must be " + MIN_POINTS + " to " + String.format(Locale.ROOT, "%,d", MAX_POINTS) + ", got " + points;
        }
        if (!(noise >= 0 && noise <= MAX_NOISE)) return "noise must be 0 to " + MAX_NOISE + " (0 to 50 %), got " + noise;
        return null;
    }

    /**
     * {@code named} made again with the points, noise and seed given (null keeps the set's own), as the command
     * lines' --points, --noise and --data-seed ask; {@code named} itself when none is given.
     *
     * @throws IllegalArgumentException naming the option at fault, e.g. when {@code named} is not generated
     */
    public static Dataset remade(Dataset named, Integer points, Double noise, Long seed) {
        if (points == null && noise == null && seed == null) return named;
        Spec spec = named.generated();
        if (spec == null) {
            throw new IllegalArgumentException("--points, --noise and --data-seed apply only to a generated data set ("
                    + java.util.Arrays.stream(values()).map(Generator::id).collect(java.util.stream.Collectors.joining(", "))
                    + "), not to " + named.name());
        }
        int n = points != null ? points : spec.points();
        double v = noise != null ? noise : spec.noise();
        if (whyNot(n, spec.noise()) != null) throw new IllegalArgumentException("--points: " + whyNot(n, spec.noise()));
        if (whyNot(n, v) != null) throw new IllegalArgumentException("--noise: " + whyNot(n, v));
        return new Spec(spec.shape(), n, v, seed != null ? seed : spec.seed()).make();
    }

    /** How to make one generated set: the shape, how many points, the noise (0 to 0.5) and the seed. */
    public record Spec(Generator shape, int points, double noise, long seed) {
        public Spec {
            if (shape == null) throw new IllegalArgumentException("a generated data set needs a shape");
            String why = whyNot(points, noise);
            if (why != null) throw new IllegalArgumentException(why);
        }

        /** The shape with {@link #DEFAULT_POINTS} points, no noise, seed 1. */
        public static Spec of(Generator shape) { return new Spec(shape, DEFAULT_POINTS, 0, 1); }

        public Spec withPoints(int n) { return new Spec(shape, n, noise, seed); }
        public Spec withNoise(double v) { return new Spec(shape, points, v, seed); }
        public Spec withSeed(long s) { return new Spec(shape, points, noise, s); }

        /** "spiral, 200 points, noise 10 %, seed 1" */
        public String describe() {
            return shape.id + ", " + points + " points, noise " + Math.round(noise * 100) + " %, seed " + seed;
        }

        /**
         * The points: half of each class (the odd one out is class 0), alternating 1, 0, 1, 0 so that any leading
         * part of the set holds both classes; named #1, #2, ...; coordinates to three decimals.
         */
        public Dataset make() {
            SplittableRandom r = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
            List<Dataset.Sample> samples = new ArrayList<>(points);
            double[] p = new double[2];
            for (int i = 0; i < points; i++) {
                int label = i % 2 == 0 ? 1 : 0;
                shape.draw(r, label, noise, p);
                p[0] = Math.rint(p[0] * 1000) / 1000; // three decimals: readable in the table and Predict
                p[1] = Math.rint(p[1] * 1000) / 1000;
                samples.add(new Dataset.Sample("#" + (i + 1), p, label));
            }
            return new Dataset(shape.id, List.of("x1", "x2"), new double[] { 0, 0 }, samples, "1", "0", Preset.GENERATED, this);
        }
    }

    private static double uniform(SplittableRandom r, double half) {
        return half == 0 ? 0 : r.nextDouble(-half, half);
    }

    /** A standard normal draw (Box-Muller, one of the pair), from the given stream only. */
    private static double normal(SplittableRandom r) {
        double u = 1 - r.nextDouble(); // (0, 1]
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
