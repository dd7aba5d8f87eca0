package dev.realtime.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;

import javax.net.SocketFactory;

/**
 * Sockets bound to one local address, so that a client on this machine reaches the server from another loopback
 * address (127.0.0.2, 127.0.0.3...: on Linux all of 127.0.0.0/8 is the loopback interface's).
 */
public final class LocalAddressSocketFactory extends SocketFactory {

	private final InetAddress local;

	public LocalAddressSocketFactory(String local) {
		try {
			this.local = InetAddress.getByName(local);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(local, ex);
		}
	}

	@Override
	public Socket createSocket() throws IOException {
		Socket socket = new Socket();
		socket.bind(new InetSocketAddress(this.local, 0));
		return socket;
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return new Socket(host, port, this.local, 0);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return new Socket(host, port, localHost, localPort);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return new Socket(host, port, this.local, 0);
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return new Socket(address, port, localAddress, localPort);
	}

}
