package io.fashionae.data.idx;

import io.fashionae.common.AtomicFiles;
import io.fashionae.config.IdxDataset;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the official {@code .gz} files. Each file lands under a temporary name, is checked
 * against its SHA-256 and only then renamed into place, so an interrupted or corrupt download
 * never looks like data.
 */
public final class Downloader {
    /** Where Zalando publishes Fashion-MNIST. */
    public static final URI OFFICIAL =
            IdxDistribution.of(IdxDataset.FASHION_MNIST).downloadBase();

    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);

    private final URI base;
    private final IdxDistribution distribution;
    private final HttpClient http;
    private final IdxReader reader = IdxReader.withDefaultLimit();

    /** Fashion-MNIST from {@code base}, a folder URL holding {@code <file>.gz}, ending in a slash. */
    public Downloader(URI base) {
        this(IdxDistribution.of(IdxDataset.FASHION_MNIST), base);
    }

    /** {@code distribution}'s files from its official location. */
    public static Downloader official(IdxDistribution distribution) {
        return new Downloader(distribution, distribution.downloadBase());
    }

    /**
     * {@code distribution}'s files from {@code base} (a folder URL ending in a slash), checked
     * against its published hashes.
     */
    public Downloader(IdxDistribution distribution, URI base) {
        this.base = base;
        this.distribution = distribution;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Downloads every missing file into {@code dir}.
     *
     * @throws IOException when the server cannot be reached or answers with an error
     */
    public void downloadAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (IdxFile f : IdxFile.values()) {
            if (DataSource.find(dir, f).isEmpty()) {
                download(f, dir.resolve(f.fileName() + ".gz"));
            }
        }
    }

    private void download(IdxFile f, Path target) throws IOException {
        URI uri = base.resolve(f.fileName() + ".gz");
        LOG.info("Downloading {}", uri);
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
        AtomicFiles.write(target, tmp -> {
            HttpResponse<InputStream> response = send(request);
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException(uri + " answered HTTP " + response.statusCode());
            }
            try (InputStream body = response.body()) {
                Files.copy(body, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            IdxArray content = reader.read(tmp, f.dims());
            HashCheck.verify(distribution, f, content, tmp, uri.toString());
        });
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download interrupted", e);
        }
    }
}
