package org.thywill.resources;

/** An application whose record no longer matches the table its migration made: it must not start. */
public final class DriftApplication extends ResourceApplication {

    /** A note as the code now has it: a shorter title, a body that may be null, stars, and no archived flag. */
    public record Note(long id, @MaxLength(40) String title, @Nullable String body, @Default("0") int stars) {
    }

    /** For ServiceLoader. */
    public DriftApplication() {
        super("drift", null);
    }

    @Override
    public String migrations() {
        return "db/drift";
    }

    @Override
    protected void resources(Resources resources) {
        resources.record("notes", Note.class);
    }
}
