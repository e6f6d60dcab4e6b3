package org.thywill.kernel.settings;

import java.util.List;
import java.util.stream.Collectors;
import org.thywill.api.ThywillException;

/** Start-up stopped on settings that cannot be used; its message reads every problem, one sentence group each. */
public final class InvalidSettingsException extends ThywillException {

    private static final long serialVersionUID = 1L;
    private final transient List<SettingsProblem> problems;

    /**
     * @param problems what is wrong, at least one
     * @param cause the first failure, for the log; may be null
     */
    public InvalidSettingsException(List<SettingsProblem> problems, Throwable cause) {
        super(problems.stream().map(SettingsProblem::message).collect(Collectors.joining(" ")), cause);
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, in the order of the sections */
    public List<SettingsProblem> problems() {
        return problems;
    }
}
