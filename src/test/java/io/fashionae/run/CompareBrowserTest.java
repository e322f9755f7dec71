package io.fashionae.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.DataConfig;
import io.fashionae.config.LossKind;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.Objective;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.report.CompareWriter;
import io.fashionae.report.ComparedRun;
import io.fashionae.report.RunComparison;
import io.fashionae.testing.HeadlessChromium;
import io.fashionae.testing.SyntheticData;
import io.fashionae.testing.Tags;
import io.fashionae.testing.TestEngines;
import io.fashionae.training.StopSignal;
import io.fashionae.training.TrainingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * {@code compare.html} of three tiny runs (2-D MSE, 2-D VAE on BCE, 3-D MSE) in headless Chromium:
 * one self-contained file, no console errors, a column per run, the curves overlaid and the
 * aligned latent plots. A screenshot goes to {@code target/compare-screenshot.png}.
 */
@Tag(Tags.SLOW)
class CompareBrowserTest {
    @TempDir
    static Path dir;

    static Path page;
    static ChromeDriver browser;

    @BeforeAll
    static void trainThreeTinyRunsCompareAndOpen() throws Exception {
        HeadlessChromium.require();
        IdxDataModule data = IdxDataModule.inMemory(SyntheticData.bars(96, 1), SyntheticData.bars(60, 2));
        ModelConfig seed = ModelConfig.seedDefaults();
        Map<String, ModelConfig> configs = Map.of(
                "a-mse", seed,
                "b-vae", seed.withObjective(new Objective(LossKind.BCE, true, 1)),
                "c-latent3", seed.withLatentDim(3));
        List<ComparedRun> runs = new ArrayList<>();
        for (String name : configs.keySet().stream().sorted().toList()) {
            TrainingJob job = new TrainingJob(
                    configs.get(name),
                    new TrainingConfig(1, 16, 2e-3, 1e-5, 3, 0, 0),
                    new PlotConfig(2, 10, 0),
                    new DataConfig(null, false),
                    OutputConfig.under(dir.resolve(name)),
                    CheckpointConfig.defaults(),
                    TestEngines.NATIVE);
            TrainingRun.execute(job, data, RunEvents.NONE, StopSignal.NEVER);
            runs.add(ComparedRun.read(dir.resolve(name)));
        }
        page = CompareWriter.write(RunComparison.of(runs), dir.resolve("compared"));
        browser = HeadlessChromium.open(page);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void thePageIsOneSelfContainedFileWithoutConsoleErrors() throws Exception {
        String html = Files.readString(page).replace("http://www.w3.org/2000/svg", "");
        assertThat(html).doesNotContain("http://", "https://");
        @SuppressWarnings("unchecked")
        List<String> sources = (List<String>) js("return Array.from(document.querySelectorAll('[src],[href]'))"
                + ".map(e => e.getAttribute('src') || e.getAttribute('href'))");
        assertThat(sources).allSatisfy(s -> assertThat(s).matches("#.*|data:image/png;base64,.*"));
        assertThat((List<?>) js("return window.__reportErrors")).isEmpty();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());
        assertThat(browser.getTitle()).isEqualTo("FashionAE runs compared");
        assertThat(dir.resolve("compared").resolve(CompareWriter.DATA)).isNotEmptyFile();
    }

    @Test
    void theFiguresTableHasAColumnPerRunWithEachRunsSettingsAndFigures() {
        @SuppressWarnings("unchecked")
        List<String> header =
                (List<String>) js("return Array.from(document.querySelectorAll('#figures-table tr:first-child th'))"
                        + ".map(t => t.textContent)");
        assertThat(header).containsExactly("", "a-mse", "b-vae", "c-latent3");
        String table =
                browser.findElement(org.openqa.selenium.By.id("figures-table")).getText();
        assertThat(table).contains("Val MSE 28x28", "5-NN accuracy", "Wall time", "vae-bce", "pca, then procrustes");
        // The best 5-NN accuracy (and every other figure's best) is marked.
        assertThat(((Number) js("return document.querySelectorAll('#figures-table td.best').length")).intValue())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void theCurvesOverlayOneLinePerRunAndTheLatentPlotsAllLoad() throws Exception {
        for (String chart : List.of("knn-curves", "loss-curves")) {
            assertThat(((Number) js("return document.querySelectorAll('#" + chart + " polyline').length")).intValue())
                    .as(chart)
                    .isEqualTo(3);
        }
        // One epoch each: the validation curve is one dot per run, in the run's colour.
        assertThat((List<?>) js("return Array.from(new Set(Array.from(document.querySelectorAll('#val-curves circle'))"
                        + ".map(c => c.getAttribute('fill'))))"))
                .hasSize(3);
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>)
                js("return Array.from(document.querySelectorAll('#plots img'))" + ".map(i => i.naturalWidth)");
        assertThat(widths).hasSize(3).allSatisfy(w -> assertThat(w.intValue()).isEqualTo(620));
        Files.write(Path.of("target", "compare-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
