package org.thywill.resources;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The tests' application declared from records: articles refer to their author and, optionally, to an editor whom
 * nobody may read through the REST API. Articles are declared first, so the library must create the authors' table
 * before theirs.
 */
public final class BlogApplication extends ResourceApplication {

    /** A writer, in a group: a column named as a reserved word of SQL, which the library quotes. */
    public record Author(long id, @Unique @MaxLength(40) String name, @Nullable LocalDate born,
                         @Default(Default.NOW) Instant joinedAt, @Nullable @MaxLength(40) String group) {
    }

    /** An editor, kept from the REST API by {@link AccessRule#NOBODY}. */
    public record Editor(long id, @Label @MaxLength(40) String nickname, @MaxLength(80) String email) {
    }

    /** An article, by an author. */
    public record Article(long id, @References(Author.class) long authorId, @MaxLength(120) String title,
                          @Default("false") boolean published, @Default("0") int likes, @Nullable Double rating,
                          @Nullable @References(Editor.class) Long editorId) {
    }

    /** For ServiceLoader. */
    public BlogApplication() {
        super("blog", null);
    }

    @Override
    protected void resources(Resources resources) {
        resources.record("articles", Article.class, AccessRule.EVERYONE)
                .record("authors", Author.class, AccessRule.EVERYONE)
                .record("editors", Editor.class, AccessRule.NOBODY);
    }
}
