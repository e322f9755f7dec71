/**
 * Drawing, and only drawing: JFreeChart scatter plots of latent frames, image grids, the
 * manifold and the animated GIF, written as PNG/GIF files. The only package (with report) that
 * imports JFreeChart or AWT.
 */
package io.fashionae.plot;
