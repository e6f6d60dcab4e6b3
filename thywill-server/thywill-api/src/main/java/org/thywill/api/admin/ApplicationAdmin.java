package org.thywill.api.admin;

import java.util.List;

/** Implemented by an Application Interface that lets the admin console list, undeploy and redeploy. Thread-safe. */
public interface ApplicationAdmin {

    /** @return the running applications, the default first, then those undeployed from the console */
    List<ApplicationState> applicationStates();

    /**
     * As {@link ServerView#undeploy}.
     *
     * @param applicationId the application
     * @return true if it ran and was stopped
     */
    boolean undeploy(String applicationId);

    /**
     * As {@link ServerView#redeploy}.
     *
     * @param applicationId the application
     * @return true if it runs again
     */
    boolean redeploy(String applicationId);
}
