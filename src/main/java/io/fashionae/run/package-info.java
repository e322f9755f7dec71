/**
 * One call per run of a command that puts several layers together: {@link
 * io.fashionae.run.TrainingRun} (data, model, fit with latent frames, figures, ONNX export,
 * report) and {@link io.fashionae.run.ExportRun} (a saved model to checked ONNX files). They take
 * configuration records, report what happens through {@link io.fashionae.run.RunEvents} and
 * return a result record; they never print. Only {@code cli} depends on this package.
 */
package io.fashionae.run;
