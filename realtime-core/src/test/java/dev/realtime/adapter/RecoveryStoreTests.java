package dev.realtime.adapter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryStoreTests {

	private static final BroadcastOptions EVERYONE = new BroadcastOptions(Set.of(), Set.of(), false);

	private final Instant before = Instant.now().minusSeconds(1);

	@Test
	void restoresWhatTheSessionMissedAfterItsOffsetInItsRoomsOnly() {
		RecoveryStore store = new RecoveryStore(new ConnectionStateRecovery(Duration.ofMinutes(2), true, 100));
		String seen = store.store(List.of("seen"), EVERYONE);
		store.store(List.of("to-room"), new BroadcastOptions(Set.of("room"), Set.of(), false));
		store.store(List.of("elsewhere"), new BroadcastOptions(Set.of("other"), Set.of(), false));
		store.store(List.of("not-to-room"), new BroadcastOptions(Set.of(), Set.of("room"), false));
		store.store(List.of("all"), EVERYONE);
		store.keep(new RecoverableSession("sid", "pid", Set.of("sid", "room"), Map.of(), this.before));

		RestoredSession restored = store.restore("pid", seen);

		assertThat(restored.missedPackets()).containsExactly(List.of("to-room"), List.of("all"));
		assertThat(store.restore("pid", seen)).as("restored once").isNull();
	}

	@Test
	void anUnknownOffsetOrSessionIsANewSocket() {
		RecoveryStore store = new RecoveryStore(new ConnectionStateRecovery(Duration.ofMinutes(2), true, 100));
		String offset = store.store(List.of("a"), EVERYONE);
		store.keep(new RecoverableSession("sid", "pid", Set.of("sid"), Map.of(), this.before));

		assertThat(store.restore("pid", "not-an-offset")).isNull();
		assertThat(store.restore("other-pid", offset)).isNull();
		assertThat(store.restore("pid", offset)).isNotNull();
	}

	@Test
	void theOldestPacketsGoFirstPastTheCapAndAreCounted() {
		RecoveryStore store = new RecoveryStore(new ConnectionStateRecovery(Duration.ofMinutes(2), true, 2));
		String first = store.store(List.of("1"), EVERYONE);
		store.store(List.of("2"), EVERYONE);
		String third = store.store(List.of("3"), EVERYONE);
		store.store(List.of("4"), EVERYONE);
		store.keep(new RecoverableSession("sid", "pid", Set.of("sid"), Map.of(), this.before));

		assertThat(store.storedPackets()).isEqualTo(2);
		assertThat(store.droppedPackets()).isEqualTo(2);
		assertThat(store.restore("pid", first)).as("its offset is gone").isNull();
		assertThat(store.restore("pid", third).missedPackets()).containsExactly(List.of("4"));
	}

	@Test
	void packetsAndSessionsOlderThanTheWindowExpireAndAreCounted() throws InterruptedException {
		RecoveryStore store = new RecoveryStore(new ConnectionStateRecovery(Duration.ofMillis(50), true, 100));
		String offset = store.store(List.of("old"), EVERYONE);
		store.keep(new RecoverableSession("sid", "pid", Set.of("sid"), Map.of(), this.before));
		Thread.sleep(100);

		store.expire();

		assertThat(store.storedPackets()).isZero();
		assertThat(store.expiredPackets()).isEqualTo(1);
		assertThat(store.restore("pid", null)).isNull();
		assertThat(store.restore("pid", offset)).isNull();
	}

	@Test
	void withoutAnOffsetEveryPacketSinceTheSocketConnectedWasMissed() throws InterruptedException {
		RecoveryStore store = new RecoveryStore(new ConnectionStateRecovery(Duration.ofMinutes(2), true, 100));
		store.store(List.of("before it connected"), EVERYONE);
		Thread.sleep(5);
		Instant connectedAt = Instant.now();
		store.store(List.of("after"), EVERYONE);
		store.keep(new RecoverableSession("sid", "pid", Set.of("sid"), Map.of(), connectedAt));

		assertThat(store.restore("pid", null).missedPackets()).containsExactly(List.of("after"));
	}

}
