package org.thywill.apps.tododom;

/**
 * One thing to do, as stored.
 *
 * @param id its id, which its page's route carries
 * @param text what to do, at most {@link TodoStore#MAX_TEXT} characters
 * @param done whether it is done
 */
record TodoItem(long id, String text, boolean done) {
}
