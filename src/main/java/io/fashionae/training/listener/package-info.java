/**
 * DL4J training listeners: they observe training and emit data (latent frames, timings); they
 * never draw or write HTML themselves.
 */
package io.fashionae.training.listener;
