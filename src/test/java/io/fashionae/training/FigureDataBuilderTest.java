package io.fashionae.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.fashionae.config.ModelConfig;
import io.fashionae.data.idx.IdxDataModule;
import io.fashionae.latent.FigureData;
import io.fashionae.latent.FrameStore;
import io.fashionae.model.Autoencoder;
import io.fashionae.model.Inference;
import io.fashionae.model.OptimizerSettings;
import io.fashionae.plot.Figures;
import io.fashionae.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureDataBuilderTest {

    @Test
    void figuresCoverEveryClassAndTheLatentRangeTheValidationSetUses(@TempDir Path dir) throws Exception {
        Autoencoder ae = Autoencoder.create(ModelConfig.seedDefaults(), new OptimizerSettings(1e-3, 0, 1));
        IdxDataModule data = IdxDataModule.inMemory(SyntheticData.bars(40, 1), SyntheticData.bars(50, 2));
        FigureData f = FigureDataBuilder.compute(Inference.dl4j(ae), 2, data, 7);

        assertThat(f.samples().count()).isEqualTo(4);
        assertThat(f.reconstructions().count()).isEqualTo(20);
        assertThat(f.reconstructions().titles().subList(0, 10)).contains("T-shirt/top", "Sandal", "Ankle boot");
        assertThat(f.randomDecodes().count()).isEqualTo(8);
        assertThat(f.manifold().count()).isEqualTo(f.gridSize() * f.gridSize());
        assertThat(f.validation().size()).isEqualTo(50);
        Pattern xy = Pattern.compile("\\((-?[0-9.]+), (-?[0-9.]+)\\)");
        for (String title : f.randomDecodes().titles()) {
            Matcher m = xy.matcher(title);
            assertThat(m.matches()).isTrue();
            assertThat(Double.parseDouble(m.group(1))).isBetween(f.xRange()[0] - 0.01, f.xRange()[1] + 0.01);
            assertThat(Double.parseDouble(m.group(2))).isBetween(f.yRange()[0] - 0.01, f.yRange()[1] + 0.01);
        }

        List<Path> written = Figures.writeAll(f, List.of(), dir);
        assertThat(written)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        Figures.FINAL,
                        Figures.FINAL_POINTS,
                        Figures.VALIDATION_SPRITE,
                        Figures.SAMPLES,
                        Figures.RANDOM_DECODES,
                        Figures.RECONSTRUCTIONS,
                        Figures.MANIFOLD);
        for (Path p : written) {
            // The smallest: latent-final.bin of a small validation set (a 40-byte header, a byte and two floats a
            // point).
            assertThat(Files.size(p)).isGreaterThan(40 + 9L * f.validation().size() - 1);
        }
        // compare and the explorer read back exactly the final latents and their labels.
        assertThat(FrameStore.read(dir.resolve(Figures.FINAL_POINTS)).points()).isEqualTo(f.validation());
        assertThat(f.validationSample().count())
                .isEqualTo(Math.min(1000, f.validation().size()));
    }
}
