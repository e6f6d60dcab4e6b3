package org.thywill.api.log;

import org.thywill.api.Component;

/**
 * The slot that configures logging (every component logs through SLF4J) and usually reports browser errors to the
 * server log through an endpoint and a bootstrap script.
 */
public interface Log extends Component {
}
