package lab.backprop.ui;

import static lab.backprop.ui.FxTestSupport.fx;
import static lab.backprop.ui.FxTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Where the window opens: fitted and centred the first time, then where the user left it (a throwaway preferences node). */
@org.junit.jupiter.api.Tag("window")
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    private Preferences prefs;
    private Stage stage;
    private MainWindow window;

    @Start void start(Stage primary) { /* each test opens its own stages */ }

    @BeforeEach void node() { prefs = Preferences.userRoot().node("lab-backprop-test/placement-" + System.nanoTime()); }

    @AfterEach void clean() throws BackingStoreException {
        if (stage != null) fxRun(() -> { if (stage.isShowing()) stage.hide(); });
        fxRun(() -> Presenter.scaleProperty().set(1));
        prefs.removeNode();
    }

    /** Opens a new window placed by the preferences, as the app does. */
    private void open() {
        fxRun(() -> {
            stage = new Stage();
            window = new MainWindow(new LabViewModel());
            BackpropLabApp.show(stage, window, new WindowPlacement(prefs));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void closeLikeTheUser() {
        fxRun(() -> stage.hide()); // the close button and File > Quit both hide the stage
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test void theFirstStartFitsTheScreenCentredWithAMinimumSize() {
        open();
        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        double w = Math.min(WindowPlacement.START_WIDTH, Math.floor(screen.getWidth() * 0.92));
        double h = Math.min(WindowPlacement.START_HEIGHT, Math.floor(screen.getHeight() * 0.92));
        assertEquals(w, fx(stage::getWidth), 0.5);
        assertEquals(h, fx(stage::getHeight), 0.5);
        assertEquals(screen.getMinX() + (screen.getWidth() - w) / 2, fx(stage::getX), 0.5, "centred");
        assertEquals(screen.getMinY() + (screen.getHeight() - h) / 2, fx(stage::getY), 0.5);
        assertTrue(fx(stage::getY) >= screen.getMinY(), "the title and the menu bar are on the screen");
        assertEquals(WindowPlacement.MIN_WIDTH, fx(stage::getMinWidth), 0.0);
        assertEquals(WindowPlacement.MIN_HEIGHT, fx(stage::getMinHeight), 0.0);
    }

    @Test void sizePlaceDividersAndScaleComeBackNextTime() {
        open();
        fxRun(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1100);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        fxRun(() -> {
            window.centreSplit().setDividerPositions(0.42);
            window.leftSplit().setDividerPositions(0.55);
            Presenter.scaleProperty().set(1.25);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.42, fx(() -> window.centreSplit().getDividerPositions()[0]), 0.01, "as the user left it");
        closeLikeTheUser();
        assertEquals(0.42, prefs.getDouble("centreDivider", -1), 0.01, "saved");
        assertEquals(0.55, prefs.getDouble("leftDivider", -1), 0.01, "saved");
        fxRun(() -> Presenter.scaleProperty().set(1));
        open();
        assertEquals(40, fx(stage::getX), 0.5);
        assertEquals(30, fx(stage::getY), 0.5);
        assertEquals(1100, fx(stage::getWidth), 0.5);
        assertEquals(720, fx(stage::getHeight), 0.5);
        assertEquals(0.42, fx(() -> window.centreSplit().getDividerPositions()[0]), 0.01);
        assertEquals(0.55, fx(() -> window.leftSplit().getDividerPositions()[0]), 0.01);
        assertEquals(1.25, fx(Presenter::scale), 0.0, "presenter mode too");
        assertFalse(fx(stage::isMaximized));
    }

    @Test void aPlaceNoScreenShowsAnyMoreOpensFittedAndCentredInstead() {
        prefs.putDouble("x", 9000);
        prefs.putDouble("y", -5000);
        prefs.putDouble("width", 1000);
        prefs.putDouble("height", 700);
        open();
        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        assertTrue(screen.contains(fx(stage::getX), fx(stage::getY)), "on the screen: " + fx(stage::getX) + ", " + fx(stage::getY));
        assertEquals(Math.min(WindowPlacement.START_WIDTH, Math.floor(screen.getWidth() * 0.92)), fx(stage::getWidth), 0.5);
    }

    @Test void aSavedSizeLargerThanTheScreenIsCutToIt() {
        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        prefs.putDouble("x", screen.getMinX() + 100);
        prefs.putDouble("y", screen.getMinY() + 50);
        prefs.putDouble("width", screen.getWidth() * 2);
        prefs.putDouble("height", screen.getHeight() * 2);
        prefs.putDouble("centreDivider", 3); // nonsense dividers and scale are ignored
        prefs.putDouble("scale", 40);
        open();
        assertEquals(screen.getWidth(), fx(stage::getWidth), 0.5);
        assertEquals(screen.getHeight(), fx(stage::getHeight), 0.5);
        assertEquals(screen.getMinX(), fx(stage::getX), 0.5, "moved so that all of it is on the screen");
        assertEquals(screen.getMinY(), fx(stage::getY), 0.5);
        assertEquals(1.0, fx(Presenter::scale), 0.0);
        double d = fx(() -> window.centreSplit().getDividerPositions()[0]);
        assertTrue(d > 0.1 && d < 0.9, "the default divider: " + d);
    }
}
