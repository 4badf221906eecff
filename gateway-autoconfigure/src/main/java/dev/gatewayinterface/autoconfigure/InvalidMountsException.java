package dev.gatewayinterface.autoconfigure;

/**
 * Report a set of {@code Application} beans and {@code gateway.apps.*} properties that cannot be mounted,
 * with the action that fixes it.
 */
public final class InvalidMountsException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    InvalidMountsException(String description, String action) {
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
