package dev.realtime.protocol;

import java.util.List;
import java.util.ListIterator;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Collects the attachments of one binary packet and, once the last has arrived, puts them where the packet's
 * placeholders stand.
 */
final class BinaryReconstructor {

	private final Packet packet;

	private final byte[][] attachments;

	private int received;

	/**
	 * @param packet the decoded packet, holding {@link Placeholder} markers
	 * @param attachments how many attachments the packet announced, at least one
	 */
	BinaryReconstructor(Packet packet, int attachments) {
		this.packet = packet;
		this.attachments = new byte[attachments][];
	}

	int pending() {
		return this.attachments.length - this.received;
	}

	/**
	 * Take the next attachment.
	 * @return the completed packet when this was the last attachment, else null
	 */
	@Nullable Packet add(byte[] attachment) {
		this.attachments[this.received++] = attachment;
		if (this.received < this.attachments.length) {
			return null;
		}
		// the payload of a binary packet is always an array, so the markers are replaced in place
		fill(this.packet.data());
		return this.packet;
	}

	@SuppressWarnings("unchecked")
	private @Nullable Object fill(@Nullable Object value) {
		if (value instanceof Placeholder placeholder) {
			return this.attachments[placeholder.num()];
		}
		if (value instanceof List<?> list) {
			ListIterator<Object> elements = ((List<Object>) list).listIterator();
			while (elements.hasNext()) {
				elements.set(fill(elements.next()));
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
				entry.setValue(fill(entry.getValue()));
			}
		}
		return value;
	}

}
