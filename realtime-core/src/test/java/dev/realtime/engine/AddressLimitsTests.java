package dev.realtime.engine;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class AddressLimitsTests {

	private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

	private final AtomicLong clock = new AtomicLong(-5_000 * MS);

	@Test
	void limitsTheSessionsOfEachAddressAtOnce() {
		AddressLimits limits = new AddressLimits(2, 0, this.clock::get);
		assertThat(limits.admit(handshake("127.0.0.2"))).isNull();
		assertThat(limits.admit(handshake("127.0.0.2"))).isNull();
		assertThat(limits.admit(handshake("127.0.0.2"))).isEqualTo(EngineError.TOO_MANY_CONNECTIONS);
		assertThat(limits.admit(handshake("127.0.0.3"))).isNull();
		limits.release(handshake("127.0.0.2"));
		assertThat(limits.admit(handshake("127.0.0.2"))).as("a session closed").isNull();
	}

	@Test
	void limitsTheHandshakesOfEachAddressPerSecond() {
		AddressLimits limits = new AddressLimits(0, 4, this.clock::get);
		for (int i = 0; i < 4; i++) {
			assertThat(limits.admit(handshake("127.0.0.2"))).as("handshake %d of the burst", i).isNull();
		}
		assertThat(limits.admit(handshake("127.0.0.2"))).isEqualTo(EngineError.TOO_MANY_HANDSHAKES);
		assertThat(limits.admit(handshake("127.0.0.3"))).isNull();
		this.clock.addAndGet(249 * MS);
		assertThat(limits.admit(handshake("127.0.0.2"))).isEqualTo(EngineError.TOO_MANY_HANDSHAKES);
		this.clock.addAndGet(MS);
		assertThat(limits.admit(handshake("127.0.0.2"))).as("a quarter of a second brought one back").isNull();
		assertThat(limits.admit(handshake("127.0.0.2"))).isEqualTo(EngineError.TOO_MANY_HANDSHAKES);
	}

	@Test
	void countsEveryHandshakeTowardsTheRateEvenWhenTheConnectionsAreFull() {
		AddressLimits limits = new AddressLimits(1, 3, this.clock::get);
		assertThat(limits.admit(handshake("127.0.0.2"))).isNull();
		assertThat(limits.admit(handshake("127.0.0.2"))).isEqualTo(EngineError.TOO_MANY_CONNECTIONS);
		assertThat(limits.admit(handshake("127.0.0.2"))).isEqualTo(EngineError.TOO_MANY_CONNECTIONS);
		assertThat(limits.admit(handshake("127.0.0.2"))).isEqualTo(EngineError.TOO_MANY_HANDSHAKES);
	}

	@Test
	void forgetsAnAddressOnceItHasNoSessionAndItsHandshakesCameBack() {
		AddressLimits limits = new AddressLimits(5, 10, this.clock::get);
		limits.admit(handshake("127.0.0.2"));
		limits.admit(handshake("127.0.0.3"));
		limits.release(handshake("127.0.0.2"));
		assertThat(limits.trackedAddresses()).as("127.0.0.2's handshake has not come back yet").isEqualTo(2);
		this.clock.addAndGet(1_000 * MS);
		limits.release(handshake("127.0.0.3"));
		assertThat(limits.trackedAddresses()).as("127.0.0.3 closed once its handshake came back").isEqualTo(1);
		limits.admit(handshake("127.0.0.4"));
		assertThat(limits.trackedAddresses()).as("the next handshake's sweep dropped 127.0.0.2").isEqualTo(1);
		limits.release(handshake("127.0.0.5"));
		assertThat(limits.trackedAddresses()).as("a release of an address never admitted").isEqualTo(1);
	}

	@Test
	void tracksNothingWithoutLimitsOrWithoutAnAddress() {
		AddressLimits none = AddressLimits.NONE;
		for (int i = 0; i < 100; i++) {
			assertThat(none.admit(handshake("127.0.0.2"))).isNull();
		}
		assertThat(none.trackedAddresses()).isZero();
		AddressLimits limits = new AddressLimits(1, 1, this.clock::get);
		EngineRequest unknown = new EngineRequest(new HttpHeaders(), new LinkedMultiValueMap<>(), null, "/", false,
				null, Instant.now(), Map.of());
		assertThat(limits.admit(unknown)).isNull();
		assertThat(limits.admit(unknown)).isNull();
		assertThat(limits.trackedAddresses()).isZero();
	}

	private static EngineRequest handshake(String address) {
		return new EngineRequest(new HttpHeaders(), new LinkedMultiValueMap<>(), new InetSocketAddress(address, 40000),
				"/socket.io/", false, null, Instant.now(), Map.of());
	}

}
