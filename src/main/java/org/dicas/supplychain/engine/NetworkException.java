package org.dicas.supplychain.engine;

/** Invalid network input; the message is one line naming the offending id (and file position when known). */
public class NetworkException extends RuntimeException {
    public NetworkException(String message) {
        super(message);
    }
}
