package io.fashionae.data.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.fashionae.common.UserException;
import io.fashionae.config.DataConfig;
import io.fashionae.testing.IdxFixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {
    /** Nothing listens here: a download attempt fails at once. */
    private static final Downloader OFFLINE = new Downloader(URI.create("http://127.0.0.1:9/"));

    private static void fill(Path dir) throws IOException {
        IdxFixtures.writePair(dir, "train", 3, true);
        IdxFixtures.writePair(dir, "t10k", 2, false);
    }

    @Test
    void anExplicitFolderWinsOverEverythingElse(@TempDir Path tmp) throws IOException {
        Path explicit = tmp.resolve("explicit");
        Path env = tmp.resolve("env");
        fill(explicit);
        fill(env);
        DataLocator locator = new DataLocator(
                Map.of(DataLocator.ENV_VAR, env.toString()), tmp.resolve("local"), tmp.resolve("system"), OFFLINE);
        DataSource s = locator.locate(new DataConfig(explicit, true));
        assertThat(s.dir()).isEqualTo(explicit);
        assertThat(s.origin()).isEqualTo("--data");
    }

    @Test
    void theEnvironmentVariableComesBeforeTheDefaultFolders(@TempDir Path tmp) throws IOException {
        Path env = tmp.resolve("env");
        fill(env);
        fill(tmp.resolve("local"));
        DataLocator locator = new DataLocator(
                Map.of(DataLocator.ENV_VAR, env.toString()), tmp.resolve("local"), tmp.resolve("system"), OFFLINE);
        assertThat(locator.locate(new DataConfig(null, true)).dir()).isEqualTo(env);
    }

    @Test
    void theLocalFolderComesBeforeTheSystemOne(@TempDir Path tmp) throws IOException {
        fill(tmp.resolve("local"));
        fill(tmp.resolve("system"));
        DataLocator locator = new DataLocator(Map.of(), tmp.resolve("local"), tmp.resolve("system"), OFFLINE);
        assertThat(locator.locate(new DataConfig(null, true)).origin()).isEqualTo("local folder");
    }

    @Test
    void fallsBackToDebiansFolder(@TempDir Path tmp) throws IOException {
        fill(tmp.resolve("system"));
        DataLocator locator = new DataLocator(Map.of(), tmp.resolve("local"), tmp.resolve("system"), OFFLINE);
        assertThat(locator.locate(new DataConfig(null, true)).dir()).isEqualTo(tmp.resolve("system"));
    }

    @Test
    void anIncompleteExplicitFolderIsAnErrorNotAFallback(@TempDir Path tmp) throws IOException {
        Path explicit = tmp.resolve("explicit");
        IdxFixtures.writePair(explicit, "train", 3, true);
        fill(tmp.resolve("system"));
        DataLocator locator = new DataLocator(Map.of(), tmp.resolve("local"), tmp.resolve("system"), OFFLINE);
        assertThatThrownBy(() -> locator.locate(new DataConfig(explicit, true)))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("t10k-images-idx3-ubyte");
    }

    @Test
    void withoutDataOrNetworkTheErrorSaysHowToGetIt(@TempDir Path tmp) {
        DataLocator locator = new DataLocator(Map.of(), tmp.resolve("local"), tmp.resolve("system"), OFFLINE);
        assertThatThrownBy(() -> locator.locate(new DataConfig(null, true)))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("download failed")
                .satisfies(e -> assertThat(((UserException) e).fix()).contains("dataset-fashion-mnist"));
        assertThat(tmp.resolve("local"))
                .satisfies(p -> assertThat(!Files.exists(p) || isEmpty(p)).isTrue());
    }

    @Test
    void aDownloadWithTheWrongContentIsRejectedAndNotKept(@TempDir Path tmp) throws IOException {
        Path served = tmp.resolve("served");
        fill(served);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = served.resolve(exchange.getRequestURI().getPath().substring(1));
            byte[] body = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(Files.exists(file) ? 200 : 404, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            DataLocator locator =
                    new DataLocator(Map.of(), tmp.resolve("local"), tmp.resolve("system"), new Downloader(base));
            assertThatThrownBy(() -> locator.locate(new DataConfig(null, true)))
                    .isInstanceOf(UserException.class)
                    .hasMessageContaining("SHA-256");
            assertThat(isEmpty(tmp.resolve("local"))).isTrue();
        } finally {
            server.stop(0);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }
}
