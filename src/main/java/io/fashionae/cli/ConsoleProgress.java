package io.fashionae.cli;

import io.fashionae.training.EpochMetrics;
import io.fashionae.training.Phase;
import io.fashionae.training.TrainingProgress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Renders training progress: a live bar (loss, lr, images/s, ETA) on an interactive terminal,
 * plain periodic lines otherwise (CI logs, pipes), and one summary line per epoch.
 */
final class ConsoleProgress implements TrainingProgress {
    /** Non-interactive: a line at most this often, and at the end of each pass. */
    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(15).toNanos();

    private final PrintWriter out;
    private final PrintStream barStream;
    private final boolean interactive;
    private ProgressBar bar;
    private String label;
    private int batches;
    private long images;
    private long phaseStart;
    private long lastLog;
    /** Images already done when the pass's first batch was reported (non-zero after a resume), and when. */
    private long baselineImages = -1;

    private long baselineNanos;

    /**
     * @param out         where lines go
     * @param barStream   where the live bar is drawn (the terminal)
     * @param interactive draw a live bar instead of lines
     */
    ConsoleProgress(PrintWriter out, PrintStream barStream, boolean interactive) {
        this.out = out;
        this.barStream = barStream;
        this.interactive = interactive;
    }

    @Override
    public void resumed(java.nio.file.Path checkpoint, long step, java.util.List<String> skipped) {
        for (String line : skipped) {
            out.println("warning: " + line + "; using the one before it");
        }
        out.printf(Locale.ROOT, "Resuming from %s (step %d)%n", checkpoint, step);
        out.flush();
    }

    @Override
    public void phaseStarted(Phase phase, int epoch, int epochs, int batches, long images) {
        this.label =
                String.format(Locale.ROOT, "Epoch %d/%d %s", epoch, epochs, phase == Phase.TRAIN ? "train" : "val");
        this.batches = batches;
        this.images = images;
        this.phaseStart = System.nanoTime();
        this.lastLog = phaseStart;
        this.baselineImages = -1;
        if (interactive) {
            bar = new ProgressBarBuilder()
                    .setTaskName(label)
                    .setInitialMax(batches)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(barStream))
                    .setUpdateIntervalMillis(250)
                    .continuousUpdate()
                    .build();
        }
    }

    @Override
    public void batchDone(Phase phase, int batch, long imagesDone, double runningLoss, double learningRate) {
        long now = System.nanoTime();
        if (baselineImages < 0) {
            // The first batch's images count from the phase start; later ones from that batch on.
            baselineImages = imagesDone > 0 && batch > 1 ? imagesDone : 0;
            baselineNanos = baselineImages == 0 ? phaseStart : now;
        }
        double perSecond = (imagesDone - baselineImages) / Math.max(1e-9, (now - baselineNanos) / 1e9);
        String stats = phase == Phase.TRAIN
                ? String.format(Locale.ROOT, "loss=%.5f lr=%.1e %.0f img/s", runningLoss, learningRate, perSecond)
                : String.format(Locale.ROOT, "loss=%.5f %.0f img/s", runningLoss, perSecond);
        if (bar != null) {
            bar.stepTo(batch);
            bar.setExtraMessage(stats);
        } else if (now - lastLog >= LOG_INTERVAL_NANOS || batch == batches) {
            lastLog = now;
            double eta = (images - imagesDone) / Math.max(perSecond, 1e-9);
            out.printf(Locale.ROOT, "%s  batch %d/%d  %s  ETA %s%n", label, batch, batches, stats, formatSeconds(eta));
            out.flush();
        }
    }

    @Override
    public void phaseEnded(Phase phase) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void epochEnded(EpochMetrics m, int epochs) {
        out.printf(
                Locale.ROOT,
                "Epoch %d/%d  train_loss=%.5f  val_loss=%.5f  lr=%.1e  (%.1f s, %.0f img/s)%n",
                m.epoch(),
                epochs,
                m.trainLoss(),
                m.valLoss(),
                m.learningRate(),
                m.seconds(),
                m.trainImagesPerS());
        out.flush();
    }

    static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
