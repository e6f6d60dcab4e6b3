package org.thywill.kernel.components;

import org.thywill.api.Component;
import org.thywill.api.Slot;

/**
 * A created component with the slot and implementation name it was chosen for, so that messages can name it.
 *
 * @param slot the slot
 * @param implementation the implementation's name
 * @param component the component
 */
public record ChosenComponent(Slot slot, String implementation, Component component) {

    /** @return for example {@code database 'h2'} */
    public String describe() {
        return slot.key() + " '" + implementation + "'";
    }
}
