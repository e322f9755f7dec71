package io.fashionae.onnx;

import io.fashionae.common.UserException;

/** A layer or setting the ONNX exporter has no exact mapping for: refused rather than exported wrong. */
public class UnsupportedLayerException extends UserException {
    private static final long serialVersionUID = 1L;

    /** @param layer the vertex name; {@code what} the setting that has no mapping */
    public UnsupportedLayerException(String layer, String what) {
        super(
                "cannot export layer '" + layer + "' to ONNX: " + what,
                "export models built by 'fashionae train'; their layers and settings all have exact ONNX mappings");
    }
}
