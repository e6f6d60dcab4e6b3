package org.thywill.api.admin;

import org.thywill.api.Health;
import org.thywill.api.Slot;

/**
 * A component slot as the admin console shows it.
 *
 * @param slot the slot
 * @param implementation the implementation's name, such as {@code cometd}
 * @param health its health now, as {@code GET /thywill/health} reports it
 */
public record ComponentState(Slot slot, String implementation, Health health) {
}
