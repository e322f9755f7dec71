package io.fashionae.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.CheckpointConfig;
import io.fashionae.config.DataConfig;
import io.fashionae.config.ModelConfig;
import io.fashionae.config.OutputConfig;
import io.fashionae.config.PlotConfig;
import io.fashionae.config.TrainingConfig;
import io.fashionae.data.FashionMnistDataModule;
import io.fashionae.testing.Requirements;
import io.fashionae.testing.SyntheticData;
import io.fashionae.testing.Tags;
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
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The generated report in a real browser (Debian's headless Chromium through chromedriver):
 * no console errors, every image loads, the player and the explorer respond, from file://.
 * A screenshot is saved as {@code target/report-screenshot.png} for people to look at.
 */
@Tag(Tags.SLOW)
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path run;

    static Path index;
    static ChromeDriver browser;

    @BeforeAll
    static void trainTinyRunAndOpenBrowser() throws Exception {
        Requirements.require(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        TrainingJob job = new TrainingJob(
                ModelConfig.seedDefaults(),
                new TrainingConfig(1, 16, 2e-3, 1e-5, 3, 0, 0),
                new PlotConfig(2, 10, 0),
                new DataConfig(null, false),
                OutputConfig.under(run),
                CheckpointConfig.defaults());
        FashionMnistDataModule data =
                FashionMnistDataModule.inMemory(SyntheticData.bars(96, 1), SyntheticData.bars(60, 2));
        index = TrainingRun.execute(job, data, RunEvents.NONE, StopSignal.NEVER).report();

        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--allow-file-access-from-files",
                        "--window-size=1280,2400",
                        "--user-data-dir=" + Files.createTempDirectory("chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.get(index.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete'")));
        // The figures load lazily, as a reader scrolls to them; whether one starts below the fold
        // depends on the page's length, so load them all now rather than depend on the layout.
        js("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> Boolean.TRUE.equals(js("return Array.from(document.images).every(i => i.complete)")));
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
}
