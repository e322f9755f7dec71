package io.fashionae.report;

/**
 * Safe embedding of JSON in a script element. The page builds all text with {@code textContent},
 * never {@code innerHTML}, so data strings never become markup.
 */
final class Html {
    private Html() {}

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
