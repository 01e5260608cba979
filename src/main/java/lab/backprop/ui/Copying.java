package lab.backprop.ui;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import lab.backprop.model.Layout;
import lab.backprop.model.Snapshot;
import lab.backprop.session.SessionFile;

/**
 * Edit ▸ Copy: the selected neuron's bias, the network's parameters as text ("w1 = 0.15", one per line, every digit
 * of the double) or as the session's JSON, and a view as an image. Each puts plain text (or an image) on the system
 * clipboard and returns what it put there, for the status bar and for tests. FX thread.
 */
final class Copying {
    private Copying() { }

    /** "b3 = 0.174..." for the selected neuron, or null when none (an input neuron has no bias) is selected. */
    static String selectedValue(LabViewModel vm) {
        NeuronRef n = vm.selectedNeuronProperty().get();
        Snapshot s = vm.snapshot();
        if (n == null || n.layer() == 0) return null;
        int p = n.biasParameter(s.layout()) - s.weightCount();
        return put(n.name(s.layout()) + " bias " + s.layout().biasName(p) + " = " + s.bias(p));
    }

    /** One "name = value" line per parameter, weights then biases, each a double that reads back to the same bits. */
    static String parametersAsText(LabViewModel vm) {
        Snapshot s = vm.snapshot();
        Layout l = s.layout();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "# %s, epoch %d%n", l, s.epoch()));
        for (int i = 0; i < s.weightCount(); i++) b.append(l.weightName(i)).append(" = ").append(s.weight(i)).append('\n');
        for (int i = 0; i < s.biasCount(); i++) b.append(l.biasName(i)).append(" = ").append(s.bias(i)).append('\n');
        return put(b.toString());
    }

    /** The whole session (network, settings, data) as Save session writes it. */
    static String sessionAsJson(LabViewModel vm) { return put(SessionFile.toJson(vm.currentSession())); }

    /** A picture of {@code view} as it is on screen. */
    static javafx.scene.image.Image viewAsImage(Node view) {
        javafx.scene.image.WritableImage image = view.snapshot(null, null);
        ClipboardContent c = new ClipboardContent();
        c.putImage(image);
        Clipboard.getSystemClipboard().setContent(c);
        return image;
    }

    /** Puts plain text on the system clipboard; returns it. */
    static String put(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
        return text;
    }
}
