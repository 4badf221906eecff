package dev.gatewayinterface.python;

import java.nio.file.Path;

/**
 * Refuse a directory of compiled Python files that cannot be used safely, or at all: one that another user owns or
 * others may write to, whose {@code .pyc} files could run instead of the application's code, or one that cannot be
 * created. The message says what is wrong and then what to do; each part is also on its own, for a startup report.
 */
public final class PycacheDirectoryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    private final String description;

    private final String action;

    PycacheDirectoryException(Path directory, String description, String action, Throwable cause) {
        super(description + " " + action, cause);
        this.directory = directory;
        this.description = description;
        this.action = action;
    }

    /**
     * Return the directory refused.
     * @return its absolute path
     */
    public Path directory() {
        return directory;
    }

    /**
     * Return what is wrong with the directory.
     * @return the description, which names the directory
     */
    public String description() {
        return description;
    }

    /**
     * Return what the deployer should do, naming the setting.
     * @return the action
     */
    public String action() {
        return action;
    }
}
