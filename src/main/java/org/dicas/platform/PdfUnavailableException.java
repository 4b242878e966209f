package org.dicas.platform;

/**
 * A PDF cannot be written here: the configured font cannot be embedded ({@link PdfDocuments}). Pages answer 503 with
 * a sentence in the reader's language; nothing half-written is sent.
 */
public class PdfUnavailableException extends RuntimeException {

    public PdfUnavailableException() {
        super("PDF font unavailable (dicas.pdf.font)");
    }
}
