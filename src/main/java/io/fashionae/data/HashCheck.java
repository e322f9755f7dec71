package io.fashionae.data;

/** Compares a file's decompressed SHA-256 with the published one. */
final class HashCheck {
    private HashCheck() {}

    /** @throws IdxFormatException naming the file and both hashes when they differ */
    static void verify(FashionMnistFile expected, IdxArray content, String where) {
        if (!expected.sha256().equals(content.sha256())) {
            throw new IdxFormatException(
                    where,
                    "SHA-256 of the decompressed content is " + content.sha256() + ", expected " + expected.sha256()
                            + " for " + expected.fileName());
        }
    }
}
