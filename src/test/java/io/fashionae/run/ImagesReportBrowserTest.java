package io.fashionae.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.ColorMode;
import io.fashionae.config.DataConfig;
import io.fashionae.config.ImageSource;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.images.ImageFolderDataModule;
import io.fashionae.testing.HeadlessChromium;
import io.fashionae.testing.ImageFixtures;
import io.fashionae.testing.Tags;
import io.fashionae.testing.TestEngines;
import io.fashionae.training.StopSignal;
import io.fashionae.training.TrainingJob;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * The report of {@code --images} runs in headless Chromium: an RGB folder at 64x64 (the explorer's
 * canvases take the images' side, the class names reach the legend and the nearest-image caption)
 * and an unlabelled folder (the page says why the 5-NN and per-class figures are missing), both
 * without console errors.
 */
@Tag(Tags.SLOW)
class ImagesReportBrowserTest {

    private static Path train(Path images, Path out, int side, ModelConfig model) throws Exception {
        ImageSource source = ImageSource.of(images, side, ColorMode.AUTO, 0.2, 64, false);
        try (ImageFolderDataModule data = ImageFolderDataModule.open(source, 3, 0, 0, out.resolve("tmp"))) {
            TrainingJob job = new TrainingJob(
                    model.withInput(side, data.channels()),
                    new TrainingConfig(1, 16, 2e-3, 1e-5, 3, 0, 0).withImages(data.source()),
                    new PlotConfig(2, 6, 0),
                    new DataConfig(null, false),
                    OutputConfig.under(out),
                    CheckpointConfig.defaults(),
                    TestEngines.NATIVE);
            return TrainingRun.execute(job, data, RunEvents.NONE, StopSignal.NEVER)
                    .report();
        }
    }

    private static Object js(ChromeDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void assertNoErrors(ChromeDriver browser) {
        assertThat((List<?>) js(browser, "return window.__reportErrors")).isEmpty();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .isEmpty();
    }

    @Test
    void anRgbRunAt64ShowsItsClassesAndImagesAtTheirSide(@TempDir Path dir) throws Exception {
        HeadlessChromium.require();
        Path images = ImageFixtures.shapes(dir.resolve("shapes"), 15, 64);
        Path report = train(images, dir.resolve("run"), 64, ModelConfig.seedDefaults());
        ChromeDriver browser = HeadlessChromium.open(report);
        try {
            assertNoErrors(browser);
            assertThat(((Number) js(browser, "return document.getElementById('decoded').width")).intValue())
                    .isEqualTo(64);
            assertThat((String) js(browser, "return document.getElementById('legend').textContent"))
                    .contains("circles", "squares", "triangles");
            assertThat((String) js(browser, "return document.getElementById('final-cards').textContent"))
                    .contains("MSE (64x64)")
                    .doesNotContain("28x28");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anUnlabelledRunSaysWhyItHasNoClassFigures(@TempDir Path dir) throws Exception {
        HeadlessChromium.require();
        Path images = ImageFixtures.flatShapes(dir.resolve("flat"), 12, 32);
        Path report = train(images, dir.resolve("run"), 32, ModelConfig.seedDefaults());
        ChromeDriver browser = HeadlessChromium.open(report);
        try {
            assertNoErrors(browser);
            assertThat((String) js(browser, "return document.getElementById('results').textContent"))
                    .contains("These images have no classes");
            assertThat(js(browser, "return document.getElementById('knn-chart')"))
                    .isNull();
        } finally {
            browser.quit();
        }
    }
}
