package org.thywill.log.logback;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Writes an exception's stack trace ({@code %ex}) as Logback does, but with each exception's message escaped like
 * {@link EscapedMessageConverter}'s: an application that puts a client's text in an exception cannot let it forge
 * lines after the {@code Caused by:} of a trace. The frames keep their lines.
 *
 * <p>Public with a no-argument constructor because logback.xml names it in a {@code conversionRule}.
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return super.throwableProxyToString(Escaped.of(proxy));
    }

    /** The same exception, its messages (and its causes' and suppressed ones') escaped. */
    private record Escaped(IThrowableProxy proxy) implements IThrowableProxy {

        static IThrowableProxy of(IThrowableProxy proxy) {
            return proxy == null || proxy instanceof Escaped ? proxy : new Escaped(proxy);
        }

        @Override
        public String getMessage() {
            String message = proxy.getMessage();
            return message == null ? null : EscapedMessageConverter.escape(message);
        }

        @Override
        public String getOverridingMessage() {
            String message = proxy.getOverridingMessage();
            return message == null ? null : EscapedMessageConverter.escape(message);
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return of(proxy.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] escaped = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                escaped[i] = of(suppressed[i]);
            }
            return escaped;
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
