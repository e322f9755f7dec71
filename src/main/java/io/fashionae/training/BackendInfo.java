package io.fashionae.training;

import io.fashionae.config.Engine;
import io.fashionae.model.NativeBuild;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which ND4J backend runs the maths, on which device, with how many threads.
 *
 * @param backend  ND4J backend class, e.g. {@code CpuBackend} or {@code JCublasBackend}
 * @param natives  the build of libnd4j that was loaded, e.g. {@code linux-x86_64-onednn-avx2}
 *                 (its oneDNN kernels are what make the native convolution layers fast)
 * @param engine   the kit of layers that computes the network, {@code dl4j} or {@code native}
 * @param device   CPU description or the CUDA device name
 * @param blas     BLAS vendor (OpenBLAS, MKL, cuBLAS)
 * @param threads  OpenMP threads ND4J uses
 * @param fallback non-empty when the CUDA backend was on the classpath but could not start
 */
public record BackendInfo(
        String backend, String natives, String engine, String device, String blas, int threads, String fallback) {
    private static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    /** Describes the backend ND4J chose (loading it if it is not loaded yet) and the engine on it. */
    public static BackendInfo current(Engine engine) {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        boolean cuda = backend.contains("Cublas");
        String device = cuda
                ? String.valueOf(env.getOrDefault("cuda.devicesInformation", "CUDA device"))
                : "CPU (" + Runtime.getRuntime().availableProcessors() + " cores)";
        String blas = String.valueOf(env.getOrDefault("blas.vendor", "unknown"));
        int threads = Integer.parseInt(String.valueOf(env.getOrDefault("omp.threads", "0")));
        String fallback = !cuda && cudaOnClasspath()
                ? "the CUDA backend is on the classpath but could not start (no GPU, or no CUDA "
                        + "11.6 driver/runtime); running on the CPU"
                : "";
        return new BackendInfo(backend, NativeBuild.classifier(), engine.label(), device, blas, threads, fallback);
    }

    /**
     * One line for the console: {@code ND4J backend CpuBackend (linux-x86_64-onednn-avx2), native
     * engine, on CPU (2 cores), BLAS OPENBLAS, 2 threads}.
     */
    public String describe() {
        return "ND4J backend " + backend + " (" + natives + "), " + engine + " engine, on " + device + ", BLAS " + blas
                + ", " + threads + " threads";
    }

    private static boolean cudaOnClasspath() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, BackendInfo.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
