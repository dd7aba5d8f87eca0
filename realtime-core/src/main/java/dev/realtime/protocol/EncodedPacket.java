package dev.realtime.protocol;

import java.util.List;

/**
 * A packet ready for Engine.IO: one text message, followed by one binary message per attachment.
 *
 * @param text the packet as text, binary data replaced by placeholders
 * @param attachments the binary data, in placeholder order; empty for packets without binary
 */
public record EncodedPacket(String text, List<byte[]> attachments) {

	public boolean hasAttachments() {
		return !this.attachments.isEmpty();
	}

}
