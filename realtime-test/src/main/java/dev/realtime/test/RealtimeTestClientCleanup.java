package dev.realtime.test;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Closes the sockets of the {@link RealtimeTestClient} beans after each test method, so that none outlives its test
 * in a context that later tests share. Does nothing for a test whose context has no such bean.
 */
public class RealtimeTestClientCleanup extends AbstractTestExecutionListener {

	/**
	 * Higher than the order of the listener that closes a dirtied context: after-methods run in reverse order, so
	 * this one runs while the context is still open.
	 */
	@Override
	public int getOrder() {
		return 10_000;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(RealtimeTestClient.class).forEach(RealtimeTestClient::close);
		}
	}

}
