/**
 * DL4J training listeners: they observe training and emit data (latent frames, timings); they
 * never draw or write HTML themselves. A listener whose state must survive a resume implements
 * {@code StatefulListener}: the checkpoint keeps its {@code ListenerState}.
 */
package io.fashionae.training.listener;
