/**
 * Running the exported models: an ONNX Runtime session wrapper and the decode/encode services
 * built on it. This package must never load ND4J: decoding from Java needs only ONNX Runtime.
 */
package io.fashionae.inference;
