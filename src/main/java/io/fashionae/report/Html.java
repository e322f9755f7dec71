package io.fashionae.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The self-contained pages: a template with the shared style sheet and script inlined and the
 * page's data embedded as JSON. The pages build all text with {@code textContent}, never
 * {@code innerHTML}, so data strings never become markup.
 */
final class Html {
    private Html() {}

    /**
     * {@code template} (a resource beside this class) with {@code page-common.css} and
     * {@code page-common.js} inlined at its {@code /*CSS*}{@code /} and {@code /*COMMON*}{@code /}
     * marks, and {@code json} as the content of its {@code /*DATA*}{@code /{}} script.
     */
    static String page(String template, String json) throws IOException {
        return resource(template)
                .replace("/*CSS*/", resource("page-common.css"))
                .replace("/*COMMON*/", resource("page-common.js"))
                .replace("/*DATA*/{}", scriptJson(json));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * JSON made safe inside {@code <script type="application/json">}: a {@code </script>} or
     * {@code <!--} inside a string must not end or comment out the element.
     */
    static String scriptJson(String json) {
        return json.replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }
}
