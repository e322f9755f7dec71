package io.fashionae.model.layer;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The layer of {@link NativeBatchNormalization}: the batch statistics in one {@code moments} call,
 * the normalisation in one pass ({@link ChannelAffineKernel}; libnd4j's {@code batchnorm} on other
 * backends) and the whole backward pass in one {@code batchnorm_bp} call (oneDNN kernels in the
 * {@code -onednn} build).
 *
 * <p>Why not DL4J's layer: for NCHW it reduces over dimensions 0, 2 and 3 with strided
 * tensor-along-dimension loops, broadcasts four times forward and seven times backward, and
 * computes the batch mean and variance a second time in backprop; on 2 cores that was about a
 * third of a training step. Here the forward pass keeps the batch statistics for the backward
 * pass, as DL4J's own oneDNN helper does.
 *
 * <p>The running statistics follow DL4J exactly: they are updated through their gradient views
 * (DL4J's updater leaves these parameters alone and subtracts the view), the mean as
 * {@code (running - batch) (1 - decay)}, the log10 standard deviation as
 * {@code log10(running var / new var) / 2}, with the biased batch variance.
 *
 * <p>Anything other than 4-D NCHW float activations goes to DL4J's implementation.
 */
public class NativeBatchNormalizationLayer extends BatchNormalization {
    private static final int CHANNEL_AXIS = 1;
    private static final int[] NCHW_REDUCTION = {0, 2, 3};
    private static final double HALF_LOG10_E = 0.5 / Math.log(10);

    /** The last training forward pass's batch mean and (biased) variance, per channel. */
    private INDArray batchMean;

    private INDArray batchVar;

    /** Called by {@link NativeBatchNormalization#instantiate}. */
    public NativeBatchNormalizationLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray preOutput(INDArray x, TrainingMode training, LayerWorkspaceMgr mgr) {
        if (!handles(x)) {
            return super.preOutput(x, training, mgr);
        }
        INDArray mean;
        INDArray var;
        if (training == TrainingMode.TRAIN) {
            keepBatchStatistics(x);
            mean = batchMean;
            var = batchVar;
        } else {
            mean = vector(getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN));
            var = runningVariance();
        }
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, x.dataType(), x.shape(), 'c');
        if (HostFloats.supports(x, out)) {
            ChannelAffineKernel.normalize(
                    x, mean, var, gamma(), beta(), layerConf().getEps(), out);
            return out;
        }
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(x, mean, var, gamma(), beta())
                .addIntegerArguments(1, 1, CHANNEL_AXIS)
                .addFloatingPointArguments(layerConf().getEps())
                .addOutputs(out)
                .build());
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        if (!handles(input) || batchMean == null) {
            return super.backpropGradient(epsilon, mgr);
        }
        INDArray eps = Shape.hasDefaultStridesForShape(epsilon) ? epsilon : epsilon.dup('c');
        INDArray inputGrad = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        INDArray meanGrad = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, batchMean.dataType(), batchMean.shape());
        INDArray varGrad = mgr.createUninitialized(ArrayType.BP_WORKING_MEM, batchMean.dataType(), batchMean.shape());
        INDArray gammaGrad = gradientViews.get(BatchNormalizationParamInitializer.GAMMA);
        INDArray betaGrad = gradientViews.get(BatchNormalizationParamInitializer.BETA);
        // batchnorm_bp differentiates through the batch mean and variance too (training mode).
        Nd4j.exec(DynamicCustomOp.builder("batchnorm_bp")
                .addInputs(input, batchMean, batchVar, gamma(), beta(), eps)
                .addIntegerArguments(1, 1, CHANNEL_AXIS)
                .addFloatingPointArguments(layerConf().getEps())
                .addOutputs(inputGrad, meanGrad, varGrad, vector(gammaGrad), vector(betaGrad))
                .build());
        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, gammaGrad);
        gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, betaGrad);
        runningStatisticsUpdate(gradient);
        return new Pair<>(gradient, inputGrad);
    }

    private boolean handles(INDArray x) {
        return x.rank() == 4
                && x.dataType() == DataType.FLOAT
                && dataType == DataType.FLOAT
                && layerConf().getCnn2DFormat() == CNN2DFormat.NCHW
                && !layerConf().isLockGammaBeta();
    }

    /** Batch mean and biased variance per channel, into arrays this layer keeps across steps. */
    private void keepBatchStatistics(INDArray x) {
        long channels = x.size(CHANNEL_AXIS);
        if (batchMean == null || batchMean.length() != channels) {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                batchMean = Nd4j.createUninitialized(DataType.FLOAT, channels);
                batchVar = Nd4j.createUninitialized(DataType.FLOAT, channels);
            }
        }
        Nd4j.exec(DynamicCustomOp.builder("moments")
                .addInputs(x)
                .addIntegerArguments(NCHW_REDUCTION)
                .addOutputs(batchMean, batchVar)
                .build());
    }

    /** The running variance, from whichever form the layer stores. */
    private INDArray runningVariance() {
        if (!layerConf().isUseLogStd()) {
            return vector(getParam(BatchNormalizationParamInitializer.GLOBAL_VAR));
        }
        INDArray std = Transforms.pow(
                Nd4j.valueArrayOf(new long[] {layerConf().getNOut()}, 10.0, DataType.FLOAT),
                vector(getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD)),
                false);
        return std.muli(std);
    }

    /** DL4J's running-statistics update, written into the gradient views (see the class comment). */
    private void runningStatisticsUpdate(Gradient gradient) {
        double decay = layerConf().getDecay();
        INDArray meanView = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        assignTo(
                meanView,
                vector(getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN))
                        .sub(batchMean)
                        .muli(1 - decay));
        gradient.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN, meanView);
        if (layerConf().isUseLogStd()) {
            INDArray running = runningVariance();
            INDArray next = running.mul(decay).addi(batchVar.mul(1 - decay));
            INDArray logView = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            assignTo(logView, Transforms.log(running.divi(next), false).muli(HALF_LOG10_E));
            gradient.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_LOG_STD, logView);
        } else {
            INDArray varView = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_VAR);
            assignTo(
                    varView,
                    vector(getParam(BatchNormalizationParamInitializer.GLOBAL_VAR))
                            .sub(batchVar)
                            .muli(1 - decay));
            gradient.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_VAR, varView);
        }
    }

    private INDArray gamma() {
        return vector(getParam(BatchNormalizationParamInitializer.GAMMA));
    }

    private INDArray beta() {
        return vector(getParam(BatchNormalizationParamInitializer.BETA));
    }

    /** Writes a {@code [C]} vector into a gradient view of shape {@code [C]} or {@code [1, C]}. */
    private static void assignTo(INDArray view, INDArray values) {
        view.assign(values.reshape(view.shape()));
    }

    /** A {@code [1, C]} parameter or gradient view as the {@code [C]} vector the ops take (a view). */
    private static INDArray vector(INDArray view) {
        return view.rank() == 1 ? view : view.reshape(view.length());
    }
}
