package io.fashionae.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.DataConfig;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.testing.HeadlessChromium;
import io.fashionae.testing.SyntheticData;
import io.fashionae.testing.Tags;
import io.fashionae.testing.TestEngines;
import io.fashionae.training.StopSignal;
import io.fashionae.training.TrainingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The generated report in a real browser (Debian's headless Chromium through chromedriver):
 * no console errors, every image loads, the player and the explorer respond, from file://.
 * A screenshot is saved as {@code target/report-screenshot.png} for people to look at.
 */
@Tag(Tags.SLOW)
class ReportBrowserTest {
    @TempDir
    static Path run;

    static Path index;
    static ChromeDriver browser;

    @BeforeAll
    static void trainTinyRunAndOpenBrowser() throws Exception {
        HeadlessChromium.require();
        TrainingJob job = new TrainingJob(
                ModelConfig.seedDefaults(),
                new TrainingConfig(1, 16, 2e-3, 1e-5, 3, 0, 0),
                new PlotConfig(2, 10, 0),
                new DataConfig(null, false),
                OutputConfig.under(run),
                CheckpointConfig.defaults(),
                TestEngines.NATIVE);
        IdxDataModule data = IdxDataModule.inMemory(SyntheticData.bars(96, 1), SyntheticData.bars(60, 2));
        index = TrainingRun.execute(job, data, RunEvents.NONE, StopSignal.NEVER).report();
        browser = HeadlessChromium.open(index);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void theReportIsSelfContainedAndOpensFromDisk() throws Exception {
        assertThat(index.toUri().toString()).startsWith("file:");
        // No network: the only URL in the page is the SVG namespace name, which is never fetched.
        String html = Files.readString(index).replace("http://www.w3.org/2000/svg", "");
        assertThat(html).doesNotContain("http://", "https://");
        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) js("return Array.from(document.querySelectorAll('[src],[href]'))"
                + ".map(e => e.getAttribute('src') || e.getAttribute('href'))");
        assertThat(links)
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).doesNotStartWith("/").doesNotContain(":"));
        assertThat(browser.getTitle()).isEqualTo("FashionAE training report");
    }

    @Test
    void thereAreNoConsoleErrors() {
        assertThat((List<?>) js("return window.__reportErrors")).isEmpty();
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(severe).isEmpty();
    }

    @Test
    void everyImageLoads() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>)
                js("return Array.from(document.images).map(i => ({src: i.getAttribute('src'), "
                        + "w: i.naturalWidth, alt: i.alt}))");
        assertThat(images).hasSizeGreaterThan(6);
        assertThat(images).allSatisfy(i -> {
            assertThat(((Number) i.get("w")).intValue())
                    .as(String.valueOf(i.get("src")))
                    .isPositive();
            assertThat((String) i.get("alt")).isNotBlank();
            assertThat((String) i.get("src")).doesNotStartWith("/").doesNotContain("://");
        });
    }

    @Test
    void thePlayerMovesWhenPlayedAndWhenTheSliderOrArrowsMove() throws Exception {
        WebElement frame = browser.findElement(By.id("frame"));
        String first = frame.getAttribute("src");
        browser.findElement(By.id("slider")).sendKeys(Keys.ARROW_RIGHT);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !first.equals(frame.getAttribute("src")));
        assertThat(browser.findElement(By.id("s-step")).getText()).isEqualTo("2");

        browser.findElement(By.id("play")).click();
        String before = frame.getAttribute("src");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !before.equals(frame.getAttribute("src")));
        browser.findElement(By.id("play")).click();
        assertThat(browser.findElement(By.id("play")).getText()).contains("Play");
    }

    @Test
    void theExplorerShowsADecodedImageUnderThePointer() throws Exception {
        WebElement area = browser.findElement(By.id("explore"));
        new Actions(browser).scrollToElement(area).moveToElement(area, 20, -30).perform();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> js("return document.getElementById('decoded').dataset.cell") != null);
        // Painted pixels are opaque; an untouched canvas is transparent. (Their brightness depends on
        // how far the tiny model trained: a decode can be black everywhere.)
        Number painted = (Number) js("const c = document.getElementById('decoded'); const d = "
                + "c.getContext('2d').getImageData(0, 0, 32, 32).data;"
                + " let s = 0; for (let i = 3; i < d.length; i += 4) s += d[i] > 0 ? 1 : 0; return s;");
        assertThat(painted.intValue()).isEqualTo(32 * 32);
        String cell = (String) js("return document.getElementById('decoded').dataset.cell");
        new Actions(browser).moveToElement(area, -150, 80).perform();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !cell.equals(js("return document.getElementById('decoded').dataset.cell")));
        assertThat(browser.findElement(By.id("explore-coords")).getText()).startsWith("z = (");
        Files.write(Path.of("target", "report-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theNearestRealValidationImageAndItsClassShowBesideTheDecode() {
        WebElement area = browser.findElement(By.id("explore"));
        new Actions(browser).scrollToElement(area).moveToElement(area, 30, 20).perform();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> js("return document.getElementById('nearest').dataset.index") != null);
        String caption = browser.findElement(By.id("nearest-caption")).getText();
        assertThat(caption).matches("Nearest real image: #\\d+, .+");
        int index = Integer.parseInt((String) js("return document.getElementById('nearest').dataset.index"));
        // The image drawn is the sample's tile: a bars image always has bright pixels.
        assertThat(((Number) js("const d = document.getElementById('nearest').getContext('2d')"
                                + ".getImageData(0, 0, 32, 32).data; let m = 0; for (let i = 0; i < d.length; i += 4)"
                                + " m = Math.max(m, d[i]); return m;"))
                        .intValue())
                .isGreaterThan(100);
        // The class named is the image's label (bars: index % 10), in the page's class list.
        String expected = (String) js("return D.classes[" + (index % 10) + "].name");
        assertThat(caption).endsWith(", " + expected);
    }

    @Test
    void clickingTwoPointsInterpolatesBetweenTheNearestImagesInAtLeastTenSteps() {
        WebElement area = browser.findElement(By.id("explore"));
        new Actions(browser)
                .scrollToElement(area)
                .moveToElement(area, -200, -150)
                .click()
                .perform();
        new Actions(browser).moveToElement(area, 150, 120).click().perform();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> {
            Object pair = js("return document.getElementById('interp-strip').dataset.pair");
            return pair != null
                    && !"0,1".equals(pair)
                    && js("return document.querySelectorAll('#explore .mark')" + ".length")
                            .equals(2L);
        });
        Number tiles = (Number) js("return document.querySelectorAll('#interp-strip canvas').length");
        // Two real images at the ends and at least 10 decoded points between and on them.
        assertThat(tiles.intValue()).isGreaterThanOrEqualTo(12);
        assertThat((Number) js("return document.querySelectorAll('#interp-strip canvas.real').length"))
                .isEqualTo(2L);
        assertThat(browser.findElement(By.id("interp-note")).getText()).isNotBlank();
    }

    @Test
    void exactInterpolationsDecodedAtReportTimeShowByIndexAndOnClick() {
        @SuppressWarnings("unchecked")
        List<List<Number>> pairs = (List<List<Number>>) js("return D.explorer.sample.interpolations.pairs");
        assertThat(pairs).isNotEmpty();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d ->
                        ((Number) js("return document.querySelectorAll('#interp-exact .exact-row').length")).intValue()
                                == pairs.size());
        int from = pairs.get(1).get(0).intValue();
        int to = pairs.get(1).get(1).intValue();
        WebElement fromInput = browser.findElement(By.id("interp-from"));
        fromInput.clear();
        fromInput.sendKeys(String.valueOf(from));
        WebElement toInput = browser.findElement(By.id("interp-to"));
        toInput.clear();
        toInput.sendKeys(String.valueOf(to));
        browser.findElement(By.id("interp-go")).click();
        assertThat(js("return document.getElementById('interp-strip').dataset.pair"))
                .isEqualTo(from + "," + to);
        assertThat(js("return document.getElementById('interp-strip').dataset.source"))
                .isEqualTo("exact");
        // A pair nobody precomputed comes from the explorer's grid, and says so.
        fromInput.clear();
        fromInput.sendKeys("3");
        toInput.clear();
        toInput.sendKeys("4");
        browser.findElement(By.id("interp-go")).click();
        assertThat(js("return document.getElementById('interp-strip').dataset.source"))
                .isEqualTo("grid");
        assertThat(browser.findElement(By.id("interp-note")).getText()).contains("grid");
        browser.findElements(By.cssSelector("#interp-exact .exact-row")).get(0).click();
        assertThat(js("return document.getElementById('interp-strip').dataset.pair"))
                .isEqualTo(pairs.get(0).get(0) + "," + pairs.get(0).get(1));
    }
}
