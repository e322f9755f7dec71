package io.fashionae.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionae.common.UserException;
import io.fashionae.latent.LatentPoints;
import io.fashionae.latent.Plane;
import io.fashionae.latent.Procrustes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finished runs side by side: their settings and figures, and their final latent spaces aligned on
 * the first run's. A 2-D run is aligned by an orthogonal Procrustes fit (rotation or reflection,
 * scale and shift) onto the first run's plane; a wider one is first projected on its own PCA
 * plane, then fitted the same way. Only runs on the same validation set can be compared.
 */
public final class RunComparison {
    /** Step losses kept per run in the page: enough for a curve, not 3,000 numbers per run. */
    private static final int CURVE_POINTS = 300;

    private static final JsonNodeFactory TREE = JsonNodeFactory.instance;

    private final List<ComparedRun> runs;
    private final List<LatentPoints> aligned;
    private final List<Procrustes> fits;

    private RunComparison(List<ComparedRun> runs) {
        this.runs = List.copyOf(runs);
        this.aligned = new ArrayList<>();
        this.fits = new ArrayList<>();
        LatentPoints reference = null;
        for (ComparedRun run : runs) {
            LatentPoints plane = Plane.of(run.latents()).project(run.latents());
            Procrustes fit = reference == null ? Procrustes.identity() : Procrustes.fit(reference, plane);
            LatentPoints moved = fit.apply(plane);
            reference = reference == null ? moved : reference;
            aligned.add(moved);
            fits.add(fit);
        }
    }

    /**
     * Compares {@code runs} (at least two).
     *
     * @throws UserException when fewer than two, or when their data or validation sets differ (with the reason)
     */
    public static RunComparison of(List<ComparedRun> runs) {
        if (runs.size() < 2) {
            throw new UserException(
                    "compare needs at least two runs, got " + runs.size(), "pass two or more runs' reports folders");
        }
        ComparedRun first = runs.get(0);
        for (ComparedRun run : runs.subList(1, runs.size())) {
            String why = differentData(first, run);
            if (why != null) {
                throw new UserException(
                        "cannot compare " + first.name() + " and " + run.name() + ": " + why,
                        "compare runs trained on the same data with the same --val-limit");
            }
        }
        return new RunComparison(runs);
    }

    /** Why two runs were not evaluated on the same images, or null when they were. */
    static String differentData(ComparedRun a, ComparedRun b) {
        JsonNode da = a.metrics().path("data");
        JsonNode db = b.metrics().path("data");
        if (!da.path("verified_files").equals(db.path("verified_files"))) {
            return "their data files differ (SHA-256 in metrics.json's data.verified_files)";
        }
        if (da.path("val_images").asLong(-1) != db.path("val_images").asLong(-1)) {
            return "their validation sets differ (" + da.path("val_images") + " and " + db.path("val_images")
                    + " images)";
        }
        if (!Arrays.equals(a.latents().labels(), b.latents().labels())) {
            return "their validation images differ (the labels of the final latents are not the same sequence)";
        }
        return null;
    }

    /** The class names of the runs' data set (they share it), in label order. */
    public List<String> classNames() {
        return runs.get(0).classNames();
    }

    /** The runs, in the order given. */
    public List<ComparedRun> runs() {
        return runs;
    }

    /** Run {@code i}'s final latents on the common plane, aligned with the first run's. */
    public LatentPoints aligned(int i) {
        return aligned.get(i);
    }

    /** The fit that aligned run {@code i} (the identity for the first). */
    public Procrustes fit(int i) {
        return fits.get(i);
    }

    /** Everything the page shows, but the plots: settings, figures, curves and alignments. */
    public ObjectNode toJson() {
        ObjectNode root = TREE.objectNode();
        ArrayNode out = root.putArray("runs");
        for (int i = 0; i < runs.size(); i++) {
            out.add(runJson(runs.get(i), fits.get(i)));
        }
        root.put("validation_images", runs.get(0).latents().size());
        return root;
    }

    private static ObjectNode runJson(ComparedRun run, Procrustes fit) {
        JsonNode m = run.metrics();
        ObjectNode n = TREE.objectNode();
        n.put("name", run.name());
        n.put("reports", run.reports().toString());
        n.put("objective", run.objective());
        n.put("latent_dim", run.latentDim());
        n.put("epochs", run.epochs());
        n.set("model", m.path("model"));
        n.set("training", m.path("training"));
        n.set("final", m.path("final"));
        n.put("wall_seconds", m.path("wall_seconds").asDouble());
        n.put("train_images_per_s", run.imagesPerSecond());
        ArrayNode epochs = n.putArray("epoch_losses");
        for (JsonNode e : m.path("epochs")) {
            epochs.addArray()
                    .add(e.path("epoch").asInt())
                    .add(e.path("train_loss").asDouble())
                    .add(e.path("val_loss").asDouble());
        }
        ArrayNode knn = n.putArray("knn_steps");
        for (JsonNode s : m.path("steps")) {
            knn.addArray().add(s.path("step").asInt()).add(s.path("knn5").asDouble());
        }
        n.set("step_losses", thinned(m.path("step_losses")));
        ObjectNode a = n.putObject("alignment");
        a.put("method", run.latentDim() == 2 ? "procrustes" : "pca, then procrustes");
        a.put("scale", fit.scale());
        a.put("degrees", fit.degrees());
        a.put("reflection", fit.reflects());
        a.put("residual", fit.residual());
        return n;
    }

    /** Every k-th step loss as [step, mean of the k], at most {@value #CURVE_POINTS} points. */
    private static ArrayNode thinned(JsonNode losses) {
        ArrayNode out = TREE.arrayNode();
        int n = losses.size();
        int k = Math.max(1, (n + CURVE_POINTS - 1) / CURVE_POINTS);
        for (int start = 0; start < n; start += k) {
            double sum = 0;
            int end = Math.min(n, start + k);
            for (int i = start; i < end; i++) {
                sum += losses.get(i).asDouble();
            }
            out.addArray().add(start).add(sum / (end - start));
        }
        return out;
    }

    /** The figures as a Markdown table, one row per run. */
    public String markdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| run | latent | objective | epochs | val MSE 28x28 | val MSE 32x32 | 5-NN | wall time | "
                + "train img/s |\n");
        sb.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (ComparedRun r : runs) {
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %d | %.5f | %.5f | %s | %s | %.0f |%n",
                    r.name(),
                    r.latentDim(),
                    r.objective(),
                    r.epochs(),
                    r.finalFigure("val_mse_28"),
                    r.finalFigure("val_mse"),
                    knn(r.finalFigure("knn5_accuracy")),
                    duration(r.metrics().path("wall_seconds").asDouble()),
                    r.imagesPerSecond()));
        }
        return sb.toString();
    }

    /** A run on unlabelled images has no 5-NN accuracy. */
    private static String knn(double accuracy) {
        return Double.isNaN(accuracy) ? "-" : String.format(Locale.ROOT, "%.3f", accuracy);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
