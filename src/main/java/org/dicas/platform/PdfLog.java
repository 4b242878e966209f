package org.dicas.platform;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through SLF4J like the rest of the platform, instead of its own lines on standard error: its
 * warnings and errors as such, its chatty INFO (timings, "prepare to fly") at DEBUG.
 */
final class PdfLog implements XRLogger {

    private static Logger logger(String where) {
        return LoggerFactory.getLogger(where == null ? "com.openhtmltopdf" : where);
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger log = logger(where);
        int l = level.intValue();
        if (l >= Level.SEVERE.intValue()) {
            log.error(msg, th);
        } else if (l >= Level.WARNING.intValue()) {
            log.warn(msg, th);
        } else if (l >= Level.INFO.intValue()) {
            log.debug(msg, th);
        } else {
            log.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are set in the application's logging configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        int l = diagnostic.getLevel().intValue();
        Logger log = LoggerFactory.getLogger("com.openhtmltopdf");
        return l >= Level.WARNING.intValue() || (l >= Level.INFO.intValue() ? log.isDebugEnabled() : log.isTraceEnabled());
    }
}
