package io.fashionae.config;

import io.fashionae.common.UserException;

/**
 * What the autoencoder is trained to minimise: a reconstruction loss and, for a variational
 * autoencoder, the Kullback-Leibler term of the latent posterior weighted by {@code beta}.
 *
 * <p>The variational objective per image is the reconstruction loss summed over the pixels plus
 * {@code beta * KL(N(mu, sigma^2) || N(0, I))} summed over the latent dimensions (the ELBO, up to
 * constants, for beta 1 with the BCE loss), averaged over the batch. Reported losses are divided by
 * the pixels per image, so they stay per-pixel like the plain autoencoder's.
 *
 * @param loss        reconstruction loss
 * @param variational a VAE: the encoder gives a mean and a log-variance, training decodes a sample
 * @param beta        weight of the KL term (only with {@code variational}); 1 is the plain VAE
 */
public record Objective(LossKind loss, boolean variational, double beta) {
    /** The seed's objective: a plain autoencoder trained on MSE. */
    public static final Objective SEED = new Objective(LossKind.MSE, false, 1);

    /** A beta above this drives every latent to the prior: no useful model trains. */
    public static final double MAX_BETA = 1000;

    /** Validates beta; a {@code null} loss (a model file from before the option) means MSE. */
    public Objective {
        loss = loss == null ? LossKind.MSE : loss;
        if (!(beta >= 0 && beta <= MAX_BETA)) {
            throw new UserException(
                    "invalid --beta " + beta + ": the KL weight must be between 0 and " + MAX_BETA,
                    "use --beta 1 for the plain VAE, below 1 for sharper reconstructions, above 1 for a smoother"
                            + " latent space");
        }
    }

    /** Short label of the objective, as the docs' table and the compare page name it: mse, bce, vae-bce (beta 4). */
    public String label() {
        String name = loss.name().toLowerCase();
        if (!variational) {
            return name;
        }
        return "vae-" + name + (beta == 1 ? "" : " (beta " + beta + ")");
    }
}
