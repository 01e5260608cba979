package lab.backprop.boot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import lab.backprop.support.AppDirectories;

/**
 * What {@code java -jar backprop-lab.jar} runs: it starts the app as the module {@code lab.backprop} with JavaFX and
 * every library as named modules, as {@code javafx:run} and the app image do, so JavaFX runs in the configuration it
 * supports (no "Unsupported JavaFX configuration" warning) from one double-clickable jar.
 *
 * <p>The runnable jar holds this class, {@link AppDirectories} and, under {@code lib/}, the app's modular jar and its
 * dependencies' jars as they are. At start the jars are copied once into the app's folder,
 * {@code runtime/<key>/} (the key is made from the entries' names, sizes and CRCs, so a new build gets a folder of its
 * own and older ones are removed); a module layer is made of them with {@code --add-opens
 * javafx.graphics/javafx.scene=org.controlsfx.controls} (ControlsFX's validation marks need it); and
 * {@code lab.backprop.Launcher.main} runs in it. Started some other way (the class path, the tests) the app never
 * comes here.
 *
 * <p>Plain Java that refers to no other class of the app but {@link AppDirectories}: it runs in the unnamed module of
 * the runnable jar, before any module of the app exists.
 */
public final class Boot {
    /** The module that holds the app, and its entry point. */
    static final String MODULE = "lab.backprop", MAIN = "lab.backprop.Launcher";
    private static final String LIB = "lib/";

    private Boot() { }

    public static void main(String[] args) throws Throwable {
        Path jar = ownJar();
        Path modules;
        try {
            modules = unpacked(jar, AppDirectories.home().resolve("runtime"));
        } catch (IOException e) {
            System.err.println("backprop-lab: cannot unpack the app's modules from " + jar + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        ModuleLayer layer = layer(modules);
        ClassLoader loader = layer.findLoader(MODULE);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class.forName(MAIN, true, loader).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The module layer of every jar in {@code modules}, resolved from {@link #MODULE} on the boot layer. */
    static ModuleLayer layer(Path modules) {
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolve(ModuleFinder.of(modules), ModuleFinder.of(), Set.of(MODULE));
        ModuleLayer.Controller c = ModuleLayer.defineModulesWithOneLoader(cf, List.of(boot), ClassLoader.getSystemClassLoader());
        ModuleLayer layer = c.layer();
        Module app = layer.findModule(MODULE).orElseThrow();
        c.addExports(app, "lab.backprop", Boot.class.getModule()); // so that this class may call the launcher
        layer.findModule("javafx.graphics").ifPresent(fx -> layer.findModule("org.controlsfx.controls")
                .ifPresent(cfx -> c.addOpens(fx, "javafx.scene", cfx)));
        return layer;
    }

    private static Path ownJar() throws URISyntaxException {
        return Path.of(Boot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /**
     * The folder under {@code runtime} that holds the jars of {@code jar}'s {@code lib/}, copied there first if it is
     * not there yet (into a new folder, then renamed, so that a start that is cut off or two starts at once never see
     * half a folder). Other builds' folders are removed.
     */
    static Path unpacked(Path jar, Path runtime) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> jars = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String name = e.getName();
                if (name.startsWith(LIB) && name.endsWith(".jar") && name.indexOf('/', LIB.length()) < 0) jars.add(e);
            }
            if (jars.isEmpty()) throw new IOException("it has no " + LIB + " folder of jars (was it built with ./mvnw package?)");
            Path target = runtime.resolve(key(jars));
            if (Files.isDirectory(target)) return target;
            Files.createDirectories(runtime);
            Path partial = Files.createTempDirectory(runtime, "unpacking-");
            try {
                for (ZipEntry e : jars) {
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, partial.resolve(e.getName().substring(LIB.length())));
                    }
                }
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    if (!Files.isDirectory(target)) Files.move(partial, target);
                } catch (IOException e) {
                    if (!Files.isDirectory(target)) throw e; // another start was quicker: its folder is as good
                }
            } finally {
                deleteTree(partial);
            }
            removeOthers(runtime, target);
            return target;
        }
    }

    /** 16 hex digits from the jars' names, sizes and CRCs. */
    static String key(List<ZipEntry> jars) {
        long h = 1125899906842597L;
        List<ZipEntry> sorted = new ArrayList<>(jars);
        sorted.sort(Comparator.comparing(ZipEntry::getName));
        for (ZipEntry e : sorted) {
            for (char ch : e.getName().toCharArray()) h = 31 * h + ch;
            h = 31 * h + e.getSize();
            h = 31 * h + e.getCrc();
        }
        return HexFormat.of().toHexDigits(h);
    }

    private static void removeOthers(Path runtime, Path keep) {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(runtime)) {
            for (Path p : all) if (!p.equals(keep) && !p.getFileName().toString().startsWith("unpacking-")) deleteTree(p);
        } catch (IOException e) {
            // an older folder left behind costs disk space only
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a leftover is harmless
        }
    }
}
