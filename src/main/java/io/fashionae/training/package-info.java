/**
 * Training: the fit loop ({@code Trainer}) over epochs with validation in inference mode, the
 * checkpointing beside it ({@code Checkpointer}), the per-epoch figures, the progress interface
 * the CLI renders, and the ND4J backend description. {@code TrainingJob} assembles a run's
 * training part from configuration records. Listeners reach the loop through DL4J's interface
 * and {@code listener.StatefulListener}; the loop names no concrete listener.
 */
package io.fashionae.training;
