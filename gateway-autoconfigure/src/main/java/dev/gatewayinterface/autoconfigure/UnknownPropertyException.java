package dev.gatewayinterface.autoconfigure;

/**
 * Report a key under a gateway prefix that no setting reads, with the action that fixes it.
 */
public final class UnknownPropertyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    UnknownPropertyException(String description, String action) {
        super(description);
        this.action = action;
    }

    /**
     * Return what the user should change.
     * @return the action
     */
    public String getAction() {
        return action;
    }
}
