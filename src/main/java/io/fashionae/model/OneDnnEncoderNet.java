package io.fashionae.model;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.inner_product_forward;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The encoder's convolution blocks for one batch size as a chain of oneDNN primitives: each
 * convolution carries its folded bias and the exact GELU as a post-op, reads the layout the
 * previous one wrote (oneDNN's blocked layout, chosen by oneDNN), and the latent head is an inner
 * product on the last one's output. The weights are reordered into oneDNN's layouts once, here.
 *
 * <p>Native memory: everything this object allocates is held in {@link #owned} and freed by
 * {@link #close}; the input and output buffers are its own, so nothing outside must outlive it.
 */
final class OneDnnEncoderNet implements AutoCloseable {
    private final int batch;
    private final stream stream;
    private final FloatBuffer input;
    private final FloatBuffer output;
    private final List<primitive> primitives = new ArrayList<>();
    private final List<IntMemoryMap> arguments = new ArrayList<>();
    private final List<Pointer> owned = new ArrayList<>();

    /** Builds the chain for {@code batch} images of {@code encoder}'s input shape. */
    OneDnnEncoderNet(FoldedEncoder encoder, int batch, engine engine, stream stream) {
        this.batch = batch;
        this.stream = stream;
        FoldedEncoder.Block first = encoder.blocks().get(0);
        FloatPointer inputPointer = own(new FloatPointer((long) batch * first.in() * first.inSide() * first.inSide()));
        this.input = inputPointer.asBuffer();
        memory current = own(new memory(nchw(batch, first.in(), first.inSide()), engine, inputPointer));
        for (FoldedEncoder.Block block : encoder.blocks()) {
            current = addConvolution(block, current, engine);
        }
        FloatPointer outputPointer = own(new FloatPointer((long) batch * encoder.headBias().length));
        this.output = outputPointer.asBuffer();
        addLatentHead(encoder, current, outputPointer, engine);
    }

    /** The batch size the chain was built for. */
    int batch() {
        return batch;
    }

    /**
     * Runs the chain on {@link #batch} images read from {@code pixels} (NCHW floats from its
     * position) and writes their latents into {@code latents} (row-major, {@code batch * latentDim}).
     */
    void run(FloatBuffer pixels, float[] latents) {
        input.clear();
        input.put(pixels.slice().limit(input.capacity()));
        for (int i = 0; i < primitives.size(); i++) {
            primitives.get(i).execute(stream, arguments.get(i));
        }
        stream._wait();
        output.clear();
        output.get(latents, 0, output.capacity());
    }

    private memory addConvolution(FoldedEncoder.Block block, memory source, engine engine) {
        long[] strides = {block.stride(), block.stride()};
        long[] before = {block.padding()[0], block.padding()[0]};
        long[] after = {block.padding()[1], block.padding()[1]};
        memory.desc weightsAny = own(any(block.out(), block.in(), block.kernel()));
        memory.desc biasDesc =
                own(new memory.desc(new long[] {block.out()}, memory.data_type.f32, memory.format_tag.x));
        convolution_forward.desc desc = own(new convolution_forward.desc(
                prop_kind.forward_inference,
                algorithm.convolution_direct,
                own(any(batch, block.in(), block.inSide())),
                weightsAny,
                biasDesc,
                own(any(batch, block.out(), block.outSide())),
                strides,
                before,
                after));
        post_ops gelu = own(new post_ops());
        gelu.append_eltwise(1f, algorithm.eltwise_gelu_erf, 0f, 0f);
        primitive_attr attributes = own(new primitive_attr());
        attributes.set_post_ops(gelu);
        convolution_forward.primitive_desc conv = own(new convolution_forward.primitive_desc(desc, attributes, engine));
        memory src = source;
        if (!source.get_desc().equals(conv.src_desc())) {
            src = own(new memory(conv.src_desc(), engine));
            add(own(new reorder(source, src)), DNNL_ARG_FROM, source, DNNL_ARG_TO, src);
        }
        memory weights = own(new memory(conv.weights_desc(), engine));
        reorderOnce(userMemory(block.weights(), oihw(block), engine), weights);
        memory bias = userMemory(block.bias(), biasDesc, engine);
        memory dst = own(new memory(conv.dst_desc(), engine));
        IntMemoryMap args = own(new IntMemoryMap());
        args.put(DNNL_ARG_SRC, src);
        args.put(DNNL_ARG_WEIGHTS, weights);
        args.put(DNNL_ARG_BIAS, bias);
        args.put(DNNL_ARG_DST, dst);
        primitives.add(own(new convolution_forward(conv)));
        arguments.add(args);
        return dst;
    }

    /**
     * The latent head as an inner product that reads the last convolution's blocked output as it
     * is (no reorder to NCHW first); its weights, {@code [latentDim, C, H, W]}, are reordered to
     * match once.
     */
    private void addLatentHead(FoldedEncoder encoder, memory source, FloatPointer latents, engine engine) {
        FoldedEncoder.Block last = encoder.blocks().get(encoder.blocks().size() - 1);
        int latentDim = encoder.headBias().length;
        long[] weightDims = {latentDim, last.out(), last.outSide(), last.outSide()};
        memory.desc biasDesc = own(new memory.desc(new long[] {latentDim}, memory.data_type.f32, memory.format_tag.x));
        memory.desc dstDesc =
                own(new memory.desc(new long[] {batch, latentDim}, memory.data_type.f32, memory.format_tag.nc));
        inner_product_forward.desc desc = own(new inner_product_forward.desc(
                prop_kind.forward_inference,
                source.get_desc(),
                own(new memory.desc(weightDims, memory.data_type.f32, memory.format_tag.any)),
                biasDesc,
                dstDesc));
        inner_product_forward.primitive_desc head = own(new inner_product_forward.primitive_desc(desc, engine));
        memory weights = own(new memory(head.weights_desc(), engine));
        memory.desc userWeights = own(new memory.desc(weightDims, memory.data_type.f32, memory.format_tag.oihw));
        reorderOnce(userMemory(encoder.head(), userWeights, engine), weights);
        memory dst = own(new memory(dstDesc, engine, latents));
        IntMemoryMap args = own(new IntMemoryMap());
        args.put(DNNL_ARG_SRC, source);
        args.put(DNNL_ARG_WEIGHTS, weights);
        args.put(DNNL_ARG_BIAS, userMemory(encoder.headBias(), biasDesc, engine));
        args.put(DNNL_ARG_DST, dst);
        primitives.add(own(new inner_product_forward(head)));
        arguments.add(args);
    }

    /** Plain OIHW weights, the layout {@link FoldedEncoder.Block#weights} holds. */
    private memory.desc oihw(FoldedEncoder.Block block) {
        return own(new memory.desc(
                new long[] {block.out(), block.in(), block.kernel(), block.kernel()},
                memory.data_type.f32,
                memory.format_tag.oihw));
    }

    /** A memory over a native copy of {@code values}, kept alive with this net. */
    private memory userMemory(float[] values, memory.desc desc, engine engine) {
        FloatPointer copy = own(new FloatPointer(values));
        return own(new memory(desc, engine, copy));
    }

    private void reorderOnce(memory from, memory to) {
        reorder r = own(new reorder(from, to));
        IntMemoryMap args = own(new IntMemoryMap());
        args.put(DNNL_ARG_FROM, from);
        args.put(DNNL_ARG_TO, to);
        r.execute(stream, args);
        stream._wait();
    }

    private void add(primitive p, int fromArg, memory from, int toArg, memory to) {
        IntMemoryMap args = own(new IntMemoryMap());
        args.put(fromArg, from);
        args.put(toArg, to);
        primitives.add(p);
        arguments.add(args);
    }

    private static memory.desc any(long n, long c, long side) {
        return new memory.desc(new long[] {n, c, side, side}, memory.data_type.f32, memory.format_tag.any);
    }

    private memory.desc nchw(long n, long c, long side) {
        return own(new memory.desc(new long[] {n, c, side, side}, memory.data_type.f32, memory.format_tag.nchw));
    }

    private <T extends Pointer> T own(T pointer) {
        owned.add(pointer);
        return pointer;
    }

    @Override
    public void close() {
        // Primitives and maps before the memories and buffers they refer to.
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        owned.clear();
        primitives.clear();
        arguments.clear();
    }
}
