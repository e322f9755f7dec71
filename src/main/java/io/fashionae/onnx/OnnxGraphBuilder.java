package io.fashionae.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * Appends nodes and initializers to an ONNX {@code GraphProto} (the protobuf classes of
 * tribuo-util-onnx), keeping every tensor name unique. Weights are stored as little-endian
 * {@code raw_data}, as ONNX specifies.
 */
final class OnnxGraphBuilder {
    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();

    OnnxGraphBuilder(String name) {
        graph.setName(name);
    }

    /** A fresh tensor name based on {@code base}. */
    String unique(String base) {
        String name = base;
        for (int i = 1; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** Adds a float initializer; returns its name. */
    String initializer(String base, float[] values, long... dims) {
        String name = unique(base);
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder()
                .setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** Adds an int64 initializer (shapes for Reshape); returns its name. */
    String int64Initializer(String base, long... values) {
        String name = unique(base);
        ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        graph.addInitializer(OnnxMl.TensorProto.newBuilder()
                .setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber())
                .addDims(values.length)
                .setRawData(ByteString.copyFrom(bytes.array())));
        return name;
    }

    /** Adds a node with one output named after {@code outputBase}; returns the output name. */
    String node(String opType, String outputBase, String[] inputs, OnnxMl.AttributeProto... attributes) {
        String output = unique(outputBase);
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder()
                .setOpType(opType)
                .setName(unique("node_" + output))
                .setDomain("")
                .addOutput(output);
        for (String in : inputs) {
            n.addInput(in);
        }
        for (OnnxMl.AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return output;
    }

    /** Renames the last node's output to {@code name} (the graph output's name). */
    void renameLastOutput(String from, String to) {
        int last = graph.getNodeCount() - 1;
        OnnxMl.NodeProto.Builder n = graph.getNodeBuilder(last);
        for (int i = 0; i < n.getOutputCount(); i++) {
            if (n.getOutput(i).equals(from)) {
                n.setOutput(i, to);
                names.add(to);
                return;
            }
        }
        throw new IllegalStateException("last node does not produce " + from);
    }

    /** Declares a float graph input or output with a dynamic first (batch) dimension. */
    static OnnxMl.ValueInfoProto floatValue(String name, long... dimsAfterBatch) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (long d : dimsAfterBatch) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.TypeProto.newBuilder()
                        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                                .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                                .setShape(shape)))
                .build();
    }

    static OnnxMl.AttributeProto ints(String name, long... values) {
        OnnxMl.AttributeProto.Builder a =
                OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static OnnxMl.AttributeProto intAttr(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    static OnnxMl.AttributeProto floatAttr(String name, float value) {
        return OnnxMl.AttributeProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.FLOAT)
                .setF(value)
                .build();
    }

    OnnxMl.GraphProto.Builder graph() {
        return graph;
    }
}
